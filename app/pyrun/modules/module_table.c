/*
 * module_table: the modules `import` finds, each with its functions' table
 * (numbered by registry.c after the types' methods, in this order), the
 * init that adds its data attributes and what docs/MODELLED.md says of it.
 */
#include <stddef.h>

#include "pyrun/builtins.h"
#include "pyrun/modules/tracemalloc.h"

const ModuleDef py_modules[] = {
    {"gc", gc_functions, &gc_nfunctions, gc_module_init, NULL, NULL},
    {"sys", sys_functions, &sys_nfunctions, sys_module_init,
     "the streams `stdout`, `stderr` and `__stdout__`, `__stderr__` (`write`, `flush`, `fileno`, `isatty`, "
     "`writable`, `readable`, `seekable`, `name`, `mode`, `encoding`, `closed`; stderr's `errors` and "
     "`line_buffering`; `print(..., file=)`; `sys.stdout` may be assigned), the data `maxsize`, `version_info`, "
     "`hexversion`, `byteorder` ('little'), `platform` ('linux')",
     NULL},
    {"weakref", weakref_functions, &weakref_nfunctions, weakref_module_init,
     "`ref` (the type `ReferenceType`), `proxy` (the types `ProxyType`, `CallableProxyType`), "
     "the classes `WeakValueDictionary`, `WeakKeyDictionary` (item access, `in`, `len`, `get`, `pop`, "
     "`update`, `setdefault`, `keys`, `values`, `items`), `WeakSet` (`add`, `discard`, "
     "`remove`, `in`, `len`; walked when it holds one item), `finalize` (`alive`, `atexit`, `detach`, "
     "`peek`, called once, at exit newest first)",
     weakref_on_import},
    {"itertools", itertools_functions, &itertools_nfunctions, itertools_module_init,
     "the types `count` (keywords: start step), `repeat` (keywords: object times), `cycle`, "
     "`chain` (and `chain.from_iterable`), `islice`, `accumulate` (keywords: iterable func initial), "
     "`starmap`, `takewhile`, `dropwhile`, `filterfalse`, `compress` (keywords: data selectors), "
     "`zip_longest` (keyword: fillvalue), `pairwise`, `product` (keyword: repeat), `permutations`, "
     "`combinations`, `combinations_with_replacement` (keywords: iterable r), `groupby` (keywords: "
     "iterable key); the function `tee`",
     itertools_on_import},
    {"math", math_functions, &math_nfunctions, math_module_init, "the constants `pi`, `e`, `tau`, `inf`, `nan`",
     math_on_import},
    {"copy", copy_functions, &copy_nfunctions, copy_module_init, NULL, copy_on_import},
    {"operator", operator_functions, &operator_nfunctions, operator_module_init,
     "the types `itemgetter`, `attrgetter`", operator_on_import},
    {"functools", functools_functions, &functools_nfunctions, functools_module_init,
     "the type `partial` (its `func`, `args`, `keywords`); the lru_cache wrapper (`cache_info()`, "
     "`cache_clear()`, `__wrapped__`)", functools_on_import},
    {"collections", collections_functions, &collections_nfunctions, collections_module_init,
     "the types `deque` (keywords: iterable maxlen) and `defaultdict` (`default_factory`, `__missing__`, "
     "`copy`), the class `Counter` (`most_common`, `elements`, `update`, `subtract`, `total`, `copy`, "
     "missing keys 0, `del` without KeyError, `+ - | &` and their in-place forms, unary `+ -`, "
     "comparisons, repr), `namedtuple` (keywords: rename defaults module; `_fields`, `_field_defaults`, "
     "`_make`, `_replace`, `_asdict`, `__getnewargs__`, field attributes, repr), the type `OrderedDict` "
     "(its nodes and fast-nodes array in its size, `move_to_end`, `popitem` (keyword: last), `pop`, `setdefault`, `copy`, "
     "`update`, `fromkeys`, `keys`, `values`, `items`, `reversed`, `==` in order, `| |=`, repr per "
     "version; subclasses without `__setitem__` and the like), the class `ChainMap` (`maps`, lookups through each "
     "map's own `[]`, `__missing__`, `get`, `in`, `len`, iteration, `bool`, repr, `new_child` (keyword: m, "
     "**kwargs), `parents`, `copy`, `[]=`, `del`, `pop`, `popitem`, `clear`, `update`, `setdefault`, `==`; "
     "refused: `keys`, `items`, `values`, `fromkeys`, `|`, its collections.abc bases)", collections_on_import},
    {"dataclasses", dataclasses_functions, &dataclasses_nfunctions, dataclasses_module_init,
     "`dataclass` (keywords: repr eq order frozen match_args slots; a class's own fields only), `field` "
     "(keywords: default default_factory init repr compare), `fields`, `is_dataclass`, `asdict`, "
     "`astuple`, `replace`, `FrozenInstanceError`, `MISSING`, `Field`",
     dataclasses_on_import},
    {"contextlib", contextlib_functions, &contextlib_nfunctions, contextlib_module_init,
     "the types `suppress`, `closing`, `nullcontext` (context managers), `ExitStack` (`enter_context`, "
     "`push`, `callback`, `pop_all`, `close`, `with`; callbacks run newest first, one returning true "
     "suppresses the exception), `redirect_stdout` (print() goes to an io.StringIO target) and "
     "`redirect_stderr`", contextlib_on_import},
    {"random", random_functions, &random_nfunctions, random_module_init,
     "(the numbers of CPython's Mersenne Twister, bit for bit, from a state set by an int; "
     "from the system's entropy otherwise)", random_on_import},
    {"string", string_functions, &string_nfunctions, string_module_init,
     "the constants `ascii_letters`, `ascii_lowercase`, `ascii_uppercase`, `digits`, `hexdigits`, "
     "`octdigits`, `punctuation`, `printable`, `whitespace`; the class `Template` (`substitute`, "
     "`safe_substitute`, `get_identifiers`, `is_valid`, `template`; the default delimiter and pattern)", string_on_import},
    {"time", time_functions, &time_nfunctions, time_module_init,
     "(`perf_counter` and `monotonic` read the simulated clock, so a program times itself the same "
     "on every run; `time` and `process_time` are this machine's clocks, which differ from run to "
     "run, as in CPython; `time` adds the time asyncio's loop skipped instead of waiting for its "
     "timers)", time_on_import},
    {"abc", abc_functions, &abc_nfunctions, abc_module_init,
     "the class `ABC` (a class deriving from it gets `__abstractmethods__`; calling one with abstract "
     "methods raises CPython's TypeError) and the metaclass `ABCMeta` (`metaclass=ABCMeta` does the same; "
     "its refcount and a subclass of it are refused)", abc_on_import},
    {"enum", enum_functions, &enum_nfunctions, enum_module_init,
     "the classes `Enum` (a class deriving from it has members: iteration, `len`, `in`, lookup by value "
     "and by key, their `name`, `value`, repr and str) and `auto`; `IntEnum` and `StrEnum` (`ReprEnum`): their "
     "members are ints and strs of the class (sizes, arithmetic, comparisons, str() and format() of the value); "
     "`Flag` and `IntFlag` (members of one bit are the class's; `| & ^ ~` make and keep pseudo-members as "
     "Flag._missing_ does, `in`, iteration, `len` and `bool` of a member, repr and str per kind, auto() as powers "
     "of two, IntFlag's bits of no member kept; refused: a Flag called with bits none of its members has, the "
     "`boundary=` keyword, values that are not small ints of 0 or more)", enum_on_import},
    {"json", json_functions, &json_nfunctions, json_module_init,
     "the exception `JSONDecodeError`", json_on_import},
    {"pprint", pprint_functions, &pprint_nfunctions, pprint_module_init, NULL, pprint_on_import},
    {"typing", typing_functions, &typing_nfunctions, typing_module_init,
     "for annotations: `List`, `Dict`, `Set`, `FrozenSet`, `Tuple`, `Type`, `Iterable`, `Iterator`, `Sequence`, "
     "`Mapping`, `MutableMapping`, `MutableSequence`, `Generator`, `Callable`, `Deque`, `DefaultDict`, "
     "`Counter`, `OrderedDict`, `Optional`, `Union`, `Any`, `ClassVar`, `Final` and their subscriptions (repr, "
     "identity); `NamedTuple` (a class deriving from it: annotated fields, defaults, methods, docstring; and "
     "`NamedTuple(typename, [(name, type), ...])`), its classes those of collections.namedtuple", typing_on_import},
    {"array", array_functions, &array_nfunctions, array_module_init,
     "the type `array` (`ArrayType`; typecodes b B h H i I l L q Q f d: `append`, `extend`, `fromlist`, `pop`, `insert`, "
     "`index`, `remove`, `count`, `reverse`, `tolist`, `tobytes`, `itemsize`, `typecode`, items and slices, "
     "`+ * += *= in == <`), `typecodes`", array_on_import},
    {"io", io_functions, &io_nfunctions, io_module_init,
     "the type `StringIO` (`write`, `read`, `readline`, `getvalue`, `seek`, `tell`, `close`, `closed`, "
     "`readable`, `writable`, `seekable`, iteration by lines, `with`, and `print(..., file=)`), the type "
     "`BytesIO` (keyword: initial_bytes; `write`, `read`, `readline`, `getvalue`, `seek`, `tell`, `close`, "
     "`closed`, `readable`, `writable`, `seekable`, `with`; its buffer shared and counted by sys.getsizeof as "
     "CPython's; writes and reads of up to 256 bytes at a time)", io_on_import},
    {"reprlib", reprlib_functions, &reprlib_nfunctions, reprlib_module_init,
     "(`repr` with the default limits of its Repr instance)", reprlib_on_import},
    {"threading", threading_functions, &threading_nfunctions, threading_module_init,
     "the classes `Thread` (keywords: target args kwargs name daemon; `start`, `join` (timeout), `is_alive`, "
     "`run` (a subclass's own), `name`, `ident`, `daemon`) and `Event` (`set`, `clear`, `is_set`, `wait` "
     "(timeout)), `Condition` (keyword: lock; `wait` (timeout), `wait_for` (predicate timeout), `notify` (n), "
     "`notify_all`, `with`), `Semaphore` and `BoundedSemaphore` (keyword: value; `acquire` (blocking timeout), "
     "`release` (n), `with`), `Lock` and `RLock` (`acquire` (blocking timeout), `release`, `locked`, `with`), "
     "`Timer` (interval function args kwargs; `cancel`, a Thread), `Barrier` (parties action timeout; `wait` "
     "(timeout), `reset`, `abort`, `parties`, `n_waiting`, `broken`) and `BrokenBarrierError`, `local` (each "
     "thread's own attributes; a subclass's `__init__` runs in each thread that touches it; gc.get_referents of "
     "one refused), `excepthook` set by the program (called in the failing thread with an `ExceptHookArgs`: "
     "`exc_type`, `exc_value`, `thread`; its `exc_traceback` refused; `__excepthook__(args)` inside it prints as "
     "the default) and the default one (a SystemExit ends the thread silently; other exceptions are printed "
     "to stderr as \"Exception in thread NAME:\" and the traceback, whose threading.py entries are named "
     "/usr/local/lib/pythonX.Y/threading.py); threads run "
     "on the model's GIL and simulated clock, one schedule per program (not CPython's, which the OS picks), "
     "and under 3.13t at once on the model's 2 cores with biased reference counting's estimated costs",
     threading_on_import},
    {"tracemalloc", tracemalloc_functions, &tracemalloc_nfunctions, tracemalloc_module_init,
     "on the model's own blocks, with the sizes CPython requests: `start` (one frame), `stop`, `is_tracing`, "
     "`clear_traces`, `reset_peak`, `get_traced_memory`, `get_traceback_limit`, `get_object_traceback`, "
     "`take_snapshot`; the types `Snapshot` (`statistics` and `compare_to` by 'lineno', 'filename' or "
     "'traceback', `traceback_limit`), `Statistic`, `StatisticDiff`, `Traceback` (`format`, indexing, len), "
     "`Frame` (str, repr, `filename`, `lineno`). Refused: the traced figures after `statistics()`, "
     "`compare_to()` or the text of their results while tracing (until `clear_traces()`), a peak after "
     "print() and other transient buffers the model does not follow (until `reset_peak()`), the file name "
     "of Lib/tracemalloc.py's frames (docs/TRACEMALLOC.md)",
     tracemalloc_on_import},
    {"asyncio", asyncio_functions, &asyncio_nfunctions, asyncio_module_init,
     "`run`, `sleep` (on the simulated clock: no wall time), `create_task` (keyword: name), `gather` "
     "(keyword: return_exceptions), `wait_for`, `timeout`, `wait` (keywords: timeout, return_when: "
     "`FIRST_COMPLETED`, `FIRST_EXCEPTION`, `ALL_COMPLETED`), `as_completed` (keyword: timeout; of tasks "
     "and coroutines: the tasks of two or more coroutines are made in a set's order, so their names are not "
     "read, their first steps call only pure built-ins and store nothing outside, and their wake-ups must keep "
     "one order, refused otherwise), `shield`, `TaskGroup` (`create_task`, `async with`; its abort and a cancellation "
     "from outside cancel in a set's order: refused when two or more of the tasks run code as they unwind), "
     "`to_thread`, `current_task`, `all_tasks`, `get_running_loop` and `get_event_loop` (`time`, "
     "`create_future`, `create_task`, `run_in_executor` on the model's threads: the loop's thread runs the "
     "workers while it waits, `call_soon`, `call_later`, `call_at`, `call_soon_threadsafe`: their `Handle` and "
     "`TimerHandle` (`cancel`, `cancelled`, `when`; a callback that raises, a handle's repr and `context=` "
     "refused)), `ensure_future`, `iscoroutine`, the classes "
     "`Task` and `Future` (`done`, `result`, `exception`, `cancel` (msg), `cancelled`, `get_name`, `set_name`, "
     "`add_done_callback`), `Queue` (maxsize; `put`, `get`, `put_nowait`, `get_nowait`, `task_done`, `join`, "
     "`qsize`, `empty`, `full`, `maxsize`; 3.13's `shutdown` refused), `Event`, `Lock`, `Semaphore`, `BoundedSemaphore` (awaited `acquire`, "
     "`release`, `async with`), the exceptions `CancelledError`, `TimeoutError`, `InvalidStateError`, "
     "`QueueEmpty`, `QueueFull`; tasks run in CPython's order (its loop's ready queue, first in first out; "
     "a wait for a timer rounded up to a millisecond, as the selector's); an uncaught exception out of `run` "
     "shows runners.py's and base_events.py's frames (3.11.7, 3.12.1, 3.13.0's lines; files named under "
     "/usr/local/lib/pythonX.Y); a blocking call of threading, queue or time inside a coroutine blocks the "
     "loop's thread while the other threads run. Refused: the traceback of an uncaught exception that went "
     "through another of asyncio's coroutines (`wait_for`, `sleep`, `Queue.get` ...), the sizes and reference "
     "counts of its objects where the model's differ (the running task, a gather while its children run), "
     "a task's exception never retrieved, a loop step that keeps the GIL past the switch interval while a "
     "worker thread waits for it, `async for`",
     asyncio_on_import},
    {"queue", queue_functions, &queue_nfunctions, queue_module_init,
     "the classes `Queue`, `LifoQueue` and `PriorityQueue` (keyword: maxsize; `put` (block timeout), `get` "
     "(block timeout), `put_nowait`, `get_nowait`, `task_done`, `join`, `qsize`, `empty`, `full`; their "
     "`queue`, `mutex`, `not_empty`, `not_full`, `all_tasks_done`, `unfinished_tasks` as CPython's), the "
     "exceptions `Empty` and `Full`; a blocking call waits on the model's threads and simulated clock. "
     "Refused: subclasses with their own `_put`/`_get`/`_qsize`/`_init`, the traceback of an uncaught `Empty` "
     "or `Full` (Lib/queue.py's frames)",
     queue_on_import},
    {"concurrent.futures", futures_functions, &futures_nfunctions, futures_module_init,
     "the classes `ThreadPoolExecutor` (keywords: max_workers thread_name_prefix; `submit`, `map`, `shutdown` "
     "(wait), `with`; workers named as CPython's, `ThreadPoolExecutor-N_M`, on the model's threads; the default "
     "max_workers is min(32, 2 + 4): the model's machine has 2 cores) and `Future` (`result` (timeout), "
     "`exception` (timeout), `done`, `running`, `cancelled`, `cancel`, `add_done_callback`, `set_result`, "
     "`set_exception`, repr), `as_completed`, `wait` (timeout return_when), `FIRST_COMPLETED`, "
     "`FIRST_EXCEPTION`, `ALL_COMPLETED`, the exceptions `CancelledError`, `TimeoutError`. Refused: "
     "`ProcessPoolExecutor`, an initializer, map's timeout and chunksize, as_completed's timeout and the order of "
     "futures that ended before it was called, the traceback of an exception raised through a Future",
     futures_on_import},
    {"concurrent", concurrent_functions, &concurrent_nfunctions, concurrent_module_init,
     "(the package of `concurrent.futures`)", concurrent_on_import},
    {"heapq", heapq_functions, &heapq_nfunctions, heapq_module_init,
     "`heappush`, `heappop`, `heapify`, `heapreplace`, `heappushpop` (C's `<` comparisons, in its order; "
     "the list's growth and shrinking as list_resize's), `nlargest` and `nsmallest` (keyword: key; "
     "Lib/heapq.py's steps: the young count and traced figures refused after them)", heapq_on_import},
    {"bisect", bisect_functions, &bisect_nfunctions, bisect_module_init,
     "`bisect_right` (`bisect`), `bisect_left`, `insort_right` (`insort`), `insort_left` (lo, hi, "
     "keyword: key) on lists, tuples, str and range; insort into an exact list", bisect_on_import},
    {"textwrap", textwrap_functions, &textwrap_nfunctions, textwrap_module_init,
     "`dedent`, `indent` (keyword: predicate), `wrap`, `fill` (keywords: width initial_indent subsequent_indent "
     "expand_tabs replace_whitespace fix_sentence_endings break_long_words drop_whitespace break_on_hyphens "
     "tabsize max_lines placeholder), `shorten` (the same but max_lines), as Lib/textwrap.py's TextWrapper "
     "computes them (the young count and traced figures refused after a call). Refused: the `TextWrapper` "
     "class itself", textwrap_on_import},
    {"fractions", fractions_functions, &fractions_nfunctions, fractions_module_init,
     "the class `Fraction` (from ints, a Fraction, a float, a str as its pattern reads it; `numerator`, "
     "`denominator`, `+ - * / // % **` with ints, Fractions and floats, unary `- + abs`, comparisons, `hash`, "
     "`bool`, `int`, `float`, `round` (ndigits), `math.trunc`/`floor`/`ceil`, `limit_denominator`, "
     "`as_integer_ratio`, `is_integer` (3.12+), repr, str; an instance 48 bytes with its two slots). Refused: "
     "`from_float`, `from_decimal`, `divmod`, format specs, copying, pickling, Decimal and complex operands, "
     "its numbers.Rational bases", fractions_on_import},
    {"multiprocessing", multiprocessing_functions, &multiprocessing_nfunctions, multiprocessing_module_init,
     "the fork start method, each process a fork of the model (its own heap, copied on write): the classes "
     "`Process` (keywords: target args name daemon; `start`, `join`, `is_alive`, `run` (a subclass's own), "
     "`name`, `daemon`, `exitcode`) and `Pool` (processes; `map` and `starmap` (chunksize), `apply` (args), "
     "`close`, `terminate`, `join`, `with`), `cpu_count` (the simulated machine's cores), `current_process`, "
     "`get_start_method`, `Queue` (maxsize; `put`, `get` (block timeout), `put_nowait`, `get_nowait`, `qsize`, "
     "`empty`, `full`, `close`, `join_thread`), `SimpleQueue`, `JoinableQueue` (Queue's methods and "
     "`task_done`, `join`: join() returns when the last task is marked done, on the simulated clock) and "
     "`Pipe` (duplex; `send`, `recv`, `poll` (timeout), `close`): a child inherits them at its fork and "
     "what it takes and sends reaches the parent "
     "when start() returns, at the times it did; results carried as pickle would for None, bool, int, float, "
     "str, tuple, list and dict; a child's output written where the parent started it, a pool's when map() "
     "returns; processes run on the simulated cores (docs/THREADS.md). Refused: pid and the reprs, a Pool's "
     "async methods, kwargs of a Process, an exception that ends a Process, a Pool or a ProcessPoolExecutor while "
     "threads run, a Process started by a thread other than the main one or printing while the parent's "
     "threads run, threading's thread counts while a Pool is open or a ProcessPoolExecutor runs (CPython "
     "counts their own threads), a child's get or recv on an empty queue or pipe (a consumer started "
     "before its producer), empty() right "
     "after this process's put, a JoinableQueue.join() that waits in a child or for ever",
     multiprocessing_on_import},
    {"traceback", traceback_functions, &traceback_nfunctions, traceback_module_init,
     "(`format_exc`, `print_exc`, `format_exception`, `print_exception` (the exception, or type, value and "
     "its own traceback), `format_exception_only`, `format_tb`, `print_tb`; keywords limit, chain, file; "
     "Lib/traceback.py's text per version: 3.11's without \"Did you mean\", every entry, the pieces "
     "format_exception lists. Refused: exception groups, SyntaxErrors, the suggestion of a NameError "
     "raised in a frame that ended, non-ASCII source lines under 3.11 and 3.12, `extract_tb`, "
     "`TracebackException`, `StackSummary`, the stack functions; after a call the young count, the next "
     "collection's result and the traced figures until a full gc.collect() or clear_traces())",
     traceback_on_import},
    {"statistics", statistics_functions, &statistics_nfunctions, statistics_module_init,
     "(`mean`, `fmean`, `median`, `median_low`, `median_high`, `mode`, `multimode`, `variance`, `pvariance`, "
     "`stdev`, `pstdev` of ints, bools and finite floats (mode and multimode: strs too), exact as "
     "Lib/statistics.py's Fractions, rounded once; `quantiles` (keywords: n method) with Python's own arithmetic; "
     "the exception `StatisticsError`. Refused: Fraction and "
     "Decimal data, fmean's weights, xbar and mu, the other functions; the young count and traced figures "
     "after a call)",
     statistics_on_import},
    {"datetime", datetime_functions, &datetime_nfunctions, datetime_module_init,
     "naive `date`, `time`, `datetime`, `timedelta` as _datetime's C objects (sys.getsizeof 32, 40, 48, 40; "
     "untracked): construction with CPython's range errors, their fields, `min`, `max`, `resolution`, `MINYEAR`, "
     "`MAXYEAR`, `+ -` of dates, datetimes and timedeltas, timedelta's `* / // %` with ints, floats and "
     "timedeltas, unary `- + abs`, comparisons, hashes, repr, str, `isoformat` (sep, timespec), `strftime` and "
     "`format` (glibc's C-locale directives), `ctime`, `weekday`, `isoweekday`, `toordinal`, `fromordinal`, "
     "`replace`, `date()`, `time()`, `combine`, `fromisoformat` (YYYY-MM-DD, YYYYMMDD, HH[:MM[:SS[.ffffff]]]), "
     "`strptime` (%Y %y %m %d %H %I %M %S %f %b %B %a %A %p), `total_seconds`. Refused: `today`, `now`, "
     "`utcnow`, `fromtimestamp`, `timestamp` (the real clock: CPython prints the day it runs), tzinfo and "
     "`timezone`, `timetuple`, `isocalendar`, pickling, subclasses, a date mixed with a datetime, strftime of "
     "years before 1000)",
     datetime_on_import},
    {0},
};
const int py_nmodules = (int)(sizeof py_modules / sizeof py_modules[0]) - 1;
_Static_assert(sizeof py_modules / sizeof py_modules[0] - 1 <= PY_MAX_MODULES, "PyRun.modules is too small");
_Static_assert(PY_MAX_MODULES <= 64, "PyRun.modules_imported is a 64-bit mask");
