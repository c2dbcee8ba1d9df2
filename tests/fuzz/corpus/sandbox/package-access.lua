return package.loaded.os
