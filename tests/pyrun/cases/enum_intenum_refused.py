from enum import IntEnum
