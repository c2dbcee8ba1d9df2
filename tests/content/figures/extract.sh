#!/bin/sh
# extract.sh LESSON SECTION-ID: prints the first code block of that section,
# as the reader shows it (the block scalar's indentation removed).
awk -v want="$2" '
    /^  - id: / { insec = ($3 == want); next }
    insec && !done && /^      - code: \|$/ { incode = 1; next }
    incode {
        if ($0 ~ /^ *$/) { held = held "\n"; next }
        if ($0 !~ /^          /) { incode = 0; done = 1; next }
        printf "%s%s\n", held, substr($0, 11); held = ""
    }
' "$1"
