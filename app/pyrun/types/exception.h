/*
 * exception: the built-in exception types as one table (name, base, the
 * first version that has it), so that an exception is identified by an
 * ExcType, never by its name: a misspelt type does not compile. The
 * table follows CPython's hierarchy (Objects/exceptions.c), checked
 * against dir(builtins) of 3.11.7, 3.12.1 and 3.13.0. Internal to pyrun.
 */
#ifndef PYDIVE_PYRUN_TYPES_EXCEPTION_H
#define PYDIVE_PYRUN_TYPES_EXCEPTION_H

#include <stdbool.h>

#include "sim/profile.h"

/* X(name, base, since): a base always comes before its subclasses. */
#define PY_EXCEPTION_TABLE(X) \
    X(BaseException, BaseException, SIM_V311) \
    X(BaseExceptionGroup, BaseException, SIM_V311) \
    X(GeneratorExit, BaseException, SIM_V311) \
    X(KeyboardInterrupt, BaseException, SIM_V311) \
    X(SystemExit, BaseException, SIM_V311) \
    X(Exception, BaseException, SIM_V311) \
    X(ExceptionGroup, BaseExceptionGroup, SIM_V311) /* also an Exception in CPython */ \
    X(ArithmeticError, Exception, SIM_V311) \
    X(FloatingPointError, ArithmeticError, SIM_V311) \
    X(OverflowError, ArithmeticError, SIM_V311) \
    X(ZeroDivisionError, ArithmeticError, SIM_V311) \
    X(AssertionError, Exception, SIM_V311) \
    X(AttributeError, Exception, SIM_V311) \
    X(BufferError, Exception, SIM_V311) \
    X(EOFError, Exception, SIM_V311) \
    X(ImportError, Exception, SIM_V311) \
    X(ModuleNotFoundError, ImportError, SIM_V311) \
    X(LookupError, Exception, SIM_V311) \
    X(IndexError, LookupError, SIM_V311) \
    X(KeyError, LookupError, SIM_V311) \
    X(MemoryError, Exception, SIM_V311) \
    X(NameError, Exception, SIM_V311) \
    X(UnboundLocalError, NameError, SIM_V311) \
    X(OSError, Exception, SIM_V311) \
    X(BlockingIOError, OSError, SIM_V311) \
    X(ChildProcessError, OSError, SIM_V311) \
    X(ConnectionError, OSError, SIM_V311) \
    X(BrokenPipeError, ConnectionError, SIM_V311) \
    X(ConnectionAbortedError, ConnectionError, SIM_V311) \
    X(ConnectionRefusedError, ConnectionError, SIM_V311) \
    X(ConnectionResetError, ConnectionError, SIM_V311) \
    X(FileExistsError, OSError, SIM_V311) \
    X(FileNotFoundError, OSError, SIM_V311) \
    X(InterruptedError, OSError, SIM_V311) \
    X(IsADirectoryError, OSError, SIM_V311) \
    X(NotADirectoryError, OSError, SIM_V311) \
    X(PermissionError, OSError, SIM_V311) \
    X(ProcessLookupError, OSError, SIM_V311) \
    X(TimeoutError, OSError, SIM_V311) \
    X(ReferenceError, Exception, SIM_V311) \
    X(RuntimeError, Exception, SIM_V311) \
    X(NotImplementedError, RuntimeError, SIM_V311) \
    X(PythonFinalizationError, RuntimeError, SIM_V313) \
    X(RecursionError, RuntimeError, SIM_V311) \
    X(StopAsyncIteration, Exception, SIM_V311) \
    X(StopIteration, Exception, SIM_V311) \
    X(SyntaxError, Exception, SIM_V311) \
    X(IndentationError, SyntaxError, SIM_V311) \
    X(TabError, IndentationError, SIM_V311) \
    X(SystemError, Exception, SIM_V311) \
    X(TypeError, Exception, SIM_V311) \
    X(ValueError, Exception, SIM_V311) \
    X(UnicodeError, ValueError, SIM_V311) \
    X(UnicodeDecodeError, UnicodeError, SIM_V311) \
    X(UnicodeEncodeError, UnicodeError, SIM_V311) \
    X(UnicodeTranslateError, UnicodeError, SIM_V311) \
    X(Warning, Exception, SIM_V311) \
    X(BytesWarning, Warning, SIM_V311) \
    X(DeprecationWarning, Warning, SIM_V311) \
    X(EncodingWarning, Warning, SIM_V311) \
    X(FutureWarning, Warning, SIM_V311) \
    X(ImportWarning, Warning, SIM_V311) \
    X(PendingDeprecationWarning, Warning, SIM_V311) \
    X(ResourceWarning, Warning, SIM_V311) \
    X(RuntimeWarning, Warning, SIM_V311) \
    X(SyntaxWarning, Warning, SIM_V311) \
    X(UnicodeWarning, Warning, SIM_V311) \
    X(UserWarning, Warning, SIM_V311)

typedef enum ExcType {
#define PY_EXC_ENUM(name, base, since) EXC_##name,
    PY_EXCEPTION_TABLE(PY_EXC_ENUM)
#undef PY_EXC_ENUM
    EXC_COUNT
} ExcType;

/* The type's name ("IndexError"). */
const char *exc_name(ExcType t);
/* The type with that name, or -1: only for names that come from text
 * (a syntax error's PyError, a lookup by the user's name). */
int exc_by_name(const char *name);

#endif
