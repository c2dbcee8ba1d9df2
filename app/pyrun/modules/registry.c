/*
 * registry: every built-in callable in one numbering — the builtins
 * module's functions, the methods of the built-in types, each module's
 * functions — the table of importable modules, and the startup that
 * fills the builtins dict and makes the modules.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "pyrun/builtins.h"
#include "pyrun/gc_timing.h"
#include "pyrun/modules/collections.h"
#include "pyrun/modules/cpython_names.h"
#include "pyrun/modules/itertools.h"
#include "pyrun/modules/textwrap_int.h"
#include "pyrun/vm_argcopy.h"
#include "pyrun/types/types.h"
#include "sim/gc.h"

#define S (I->sim)

typedef struct DefTable {
    const BuiltinDef *defs;
    const int *n;
} DefTable;

/* The numbering of built-in callables follows this order. */
static const DefTable tables[] = {
    {function_defs, &function_ndefs},
    {counter_methods, &counter_nmethods}, /* a class's, not a type's: out of the method index */
    {namedtuple_methods, &namedtuple_nmethods},
    {odict_methods, &odict_nmethods}, /* a class's too */
    {chainmap_methods, &chainmap_nmethods}, /* ChainMap's: reached through its class */
    {chainview_methods, &chainview_nmethods}, /* its views' classes', the same way */
    {textwrap_class_methods, &textwrap_class_nmethods}, /* textwrap.TextWrapper's, the same way */
    {bytesio_methods, &bytesio_nmethods}, /* io.BytesIO's: reached through its attributes */
    {futures_pool_functions, &futures_pool_nfunctions}, /* ThreadPoolExecutor's: reached through its class */
    {stdstream_methods, &stdstream_nmethods}, /* sys.stdout's and sys.stderr's, the same way */
    {enum_flag_methods, &enum_flag_nmethods}, /* enum.Flag's: reached through its class */
    {dt_op_methods, &dt_op_nmethods}, /* datetime's classes' operators, the same way */
    {list_methods, &list_nmethods},
    {dict_methods, &dict_nmethods},
    {set_methods, &set_nmethods},
    {bytearray_methods, &bytearray_nmethods},
    {bytes_methods, &bytes_nmethods},
    {bytes_split_methods, &bytes_split_nmethods},
    {array_methods, &array_nmethods},
    {stringio_methods, &stringio_nmethods},
    {str_methods, &str_nmethods},
    {tuple_methods, &tuple_nmethods},
    {property_methods, &property_nmethods},
    {type_methods, &type_nmethods},
    {object_methods, &object_nmethods},
    {generator_methods, &generator_nmethods},
    {exception_methods, &exception_nmethods},
    {deque_methods, &deque_nmethods},
    {slice_methods, &slice_nmethods},
    {subinst_methods, &subinst_nmethods},
    {slot_methods, &slot_nmethods},
    {slot_op_methods, &slot_op_nmethods},
    {dunder_methods, &dunder_nmethods},
    {object_slot_methods, &object_slot_nmethods},
    {scalarsub_methods, &scalarsub_nmethods},
    {defaultdict_methods, &defaultdict_nmethods},
    {int_methods, &int_nmethods},
    {complex_methods, &complex_nmethods},
    {number_methods, &number_nmethods},
    {gc_functions, &gc_nfunctions},
    {sys_functions, &sys_nfunctions},
    {weakref_functions, &weakref_nfunctions},
    {itertools_functions, &itertools_nfunctions},
    {math_functions, &math_nfunctions},
    {copy_functions, &copy_nfunctions},
    {operator_functions, &operator_nfunctions},
    {functools_functions, &functools_nfunctions},
    {collections_functions, &collections_nfunctions},
    {dataclasses_functions, &dataclasses_nfunctions},
    {contextlib_functions, &contextlib_nfunctions},
    {random_functions, &random_nfunctions},
    {string_functions, &string_nfunctions},
    {time_functions, &time_nfunctions},
    {abc_functions, &abc_nfunctions},
    {enum_functions, &enum_nfunctions},
    {json_functions, &json_nfunctions},
    {pprint_functions, &pprint_nfunctions},
    {typing_functions, &typing_nfunctions},
    {array_functions, &array_nfunctions},
    {io_functions, &io_nfunctions},
    {reprlib_functions, &reprlib_nfunctions},
    {threading_functions, &threading_nfunctions},
    {tracemalloc_functions, &tracemalloc_nfunctions},
    {asyncio_functions, &asyncio_nfunctions},
    {queue_functions, &queue_nfunctions},
    {futures_functions, &futures_nfunctions},
    {concurrent_functions, &concurrent_nfunctions},
    {heapq_functions, &heapq_nfunctions},
    {bisect_functions, &bisect_nfunctions},
    {textwrap_functions, &textwrap_nfunctions},
    {fractions_functions, &fractions_nfunctions},
    {multiprocessing_functions, &multiprocessing_nfunctions},
    {traceback_functions, &traceback_nfunctions},
    {statistics_functions, &statistics_nfunctions},
    {datetime_functions, &datetime_nfunctions},
};
enum { NTABLES = sizeof tables / sizeof tables[0], FIRST_METHODS = 12, FIRST_MODULE = 39 };

/* The modules `import` finds, each with its functions' table (one of the
 * tables above) and the data attributes its init adds. */
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
     "the type `array` (`ArrayType`; typecodes b B h H i I l L q Q f d: `append`, `extend`, `pop`, `insert`, "
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
     "`qsize`, `empty`, `full`), `Event`, `Lock`, `Semaphore`, `BoundedSemaphore` (awaited `acquire`, "
     "`release`, `async with`), the exceptions `CancelledError`, `TimeoutError`, `InvalidStateError`, "
     "`QueueEmpty`, `QueueFull`; tasks run in CPython's order (its loop's ready queue, first in first out; "
     "a wait for a timer rounded up to a millisecond, as the selector's). Refused: the sizes and reference "
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
     "`empty`, `full`, `close`, `join_thread`), `SimpleQueue` and `Pipe` (duplex; `send`, `recv`, `poll` "
     "(timeout), `close`): a child inherits them at its fork and what it takes and sends reaches the parent "
     "when start() returns, at the times it did; results carried as pickle would for None, bool, int, float, "
     "str, tuple, list and dict; a child's output written where the parent started it, a pool's when map() "
     "returns; processes run on the simulated cores (docs/THREADS.md). Refused: pid and the reprs, a Pool's "
     "async methods, kwargs of a Process, an exception that ends a Process, processes while threads run, a "
     "child's get or recv on an empty queue or pipe (a consumer started before its producer), empty() right "
     "after this process's put, JoinableQueue and Manager",
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
     "Lib/statistics.py's Fractions, rounded once; the exception `StatisticsError`. Refused: Fraction and "
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
_Static_assert(sizeof py_modules / sizeof py_modules[0] - 1 == NTABLES - FIRST_MODULE,
               "one module per module table");
_Static_assert(sizeof py_modules / sizeof py_modules[0] - 1 <= PY_MAX_MODULES, "PyRun.modules is too small");

static int table_base(int t)
{
    int base = 0;
    for (int i = 0; i < t; i++)
        base += *tables[i].n;
    return base;
}

/* Every def by its global index, made on the first look (one per call of a
 * built-in: the walk along the tables was a tenth of a method call's time). */
static const BuiltinDef **flat_defs;
static uint32_t nflat_defs;

const BuiltinDef *bi_def(uint32_t i)
{
    if (!flat_defs) {
        uint32_t n = 0;
        for (int t = 0; t < NTABLES; t++)
            n += (uint32_t)*tables[t].n;
        const BuiltinDef **all = xmalloc((n ? n : 1) * sizeof *all);
        for (int t = 0, k = 0; t < NTABLES; t++)
            for (int j = 0; j < *tables[t].n; j++)
                all[k++] = &tables[t].defs[j];
        nflat_defs = n;
        flat_defs = all;
    }
    return i < nflat_defs ? flat_defs[i] : NULL;
}

int bi_count(void) { return table_base(NTABLES); }

int bi_index_of(const BuiltinDef *d)
{
    for (int t = 0; t < NTABLES; t++)
        if (d >= tables[t].defs && d < tables[t].defs + *tables[t].n)
            return table_base(t) + (int)(d - tables[t].defs);
    return -1;
}

void bi_method_range(int *first, int *end)
{
    *first = table_base(FIRST_METHODS);
    *end = table_base(FIRST_MODULE);
}

const char *pyrun_builtin_name(uint32_t index)
{
    const BuiltinDef *d = bi_def(index);
    return d ? d->name : "?";
}

static uint32_t method_hash(int kind, const char *name)
{
    uint32_t h = 2166136261u ^ (uint32_t)kind;
    for (; *name; name++)
        h = (h ^ (unsigned char)*name) * 16777619u;
    return h;
}

/* Does this profile's CPython have the method?  A name dir() of the type
 * lists for another version only (int.is_integer, 3.12+) is left out. */
/* Is the method in this profile's CPython?  A mask of the table entry: the
 * dir() tables' answer, which the unit test test_method_masks checks, was
 * a third of a million instructions at every run's start. */
static bool method_in_profile(PyRun *I, const BuiltinDef *d)
{
    return !(d->hidden & 1u << S->prof->version);
}

bool bi_method_in_profile(PyRun *I, int index) { return method_in_profile(I, bi_def((uint32_t)index)); }

/* The index builtin_method_index() reads, built once per run: a linear
 * scan of several hundred names on every method call was a tenth of the
 * time of a loop of method calls. */
static void method_index_build(PyRun *I)
{
    int first, end;
    bi_method_range(&first, &end);
    uint32_t cap = 64;
    while (cap < 2u * (uint32_t)(end - first))
        cap *= 2;
    I->method_slots = xcalloc(cap, sizeof *I->method_slots);
    I->method_mask = cap - 1;
    for (int i = first; i < end; i++) {
        const BuiltinDef *d = bi_def((uint32_t)i);
        if (!method_in_profile(I, d))
            continue;
        uint32_t j = method_hash(d->owner, d->name) & I->method_mask;
        while (I->method_slots[j])
            j = (j + 1) & I->method_mask;
        I->method_slots[j] = i + 1;
    }
}

int builtin_method_index(PyRun *I, SimId obj, const char *name)
{
    int k = sim_kind(S, obj);
    if (k == SK_BOOL) /* bool adds no method of its own to int's */
        k = SK_INT;
    if (k == SK_SET && sim_obj(S, obj)->sub == SIM_SET_FROZEN && !set_method_of_frozenset(name))
        return -1; /* a method that changes the set */
    for (uint32_t j = method_hash(k, name) & I->method_mask; I->method_slots[j]; j = (j + 1) & I->method_mask) {
        const BuiltinDef *d = bi_def((uint32_t)I->method_slots[j] - 1);
        if (d->owner == k && strcmp(d->name, name) == 0)
            return k == SK_ITER && sim_is_native(S, obj) && bi_slot_wrapper(d) ? -1 : I->method_slots[j] - 1;
    }
    if (name[0] == '_' && dunder_inherits_object(k, name)) /* [].__str__: object's */
        return class_object_slot(I, name);
    return -1;
}

SimId bi_bind(PyRun *I, uint32_t index, SimId self)
{
    sim_incref(S, self);
    return bi_slot_wrapper(bi_def(index)) ? sim_method_wrapper(S, index, self) : sim_builtin(S, index, self);
}

int bi_method_of_kind(int k, const char *name)
{
    int first, end;
    bi_method_range(&first, &end);
    for (int i = first; i < end; i++) {
        const BuiltinDef *d = bi_def((uint32_t)i);
        if (d->owner == k && strcmp(d->name, name) == 0)
            return i;
    }
    return -1;
}

/* "list.append", "gc.enable", "len": the name CPython's messages use */
static void qualified(const BuiltinDef *d, char *out, size_t cap)
{
    static const char *const modules[] = {"", "gc", "sys", "_weakref", "itertools", "math", "copy", "_operator",
                                          "functools", "collections", "dataclasses", "contextlib",
                                          "Random", "string", "time", "abc", "enum", "json", "pprint", "typing", "array", "io", "reprlib",
                                          "threading", "tracemalloc", "asyncio", "queue", "concurrent.futures", "_heapq",
                                          "_bisect", "textwrap", "fractions", "multiprocessing",
                                          "traceback", "statistics"};
    if (d->owner == SK_INSTANCE && (d->module == BM_WEAKREF || d->module == BM_COLLECTIONS || d->module == BM_FRACTIONS || d->module == BM_ENUM || d->module == BM_THREADING ||
                                    d->module == BM_ASYNCIO || d->module == BM_QUEUE || d->module == BM_FUTURES || d->module == BM_REPRLIB ||
                                    d->module == BM_TEXTWRAP || d->module == BM_MULTIPROCESSING))
        snprintf(out, cap, "%s", d->name);
    else if (d->owner == SK_DEQUE) /* the type's short name: "deque.pop" */
        snprintf(out, cap, "deque.%s", d->name);
    else if (d->owner == SK_ARRAY) /* "array.append" */
        snprintf(out, cap, "array.%s", d->name);
    else if (d->owner == SK_STRINGIO) /* "StringIO.write" */
        snprintf(out, cap, "StringIO.%s", d->name);
    else if (d->owner)
        snprintf(out, cap, "%s.%s", sim_kind_name((SimKind)d->owner), d->name);
    else if (d->module)
        snprintf(out, cap, "%s.%s", modules[d->module], d->name);
    else
        snprintf(out, cap, "%s", d->name);
}

static bool word_in(const char *list, const char *w, size_t n)
{
    for (const char *p = list; p && *p;) {
        size_t len = strcspn(p, " ");
        if (len == n && memcmp(p, w, n) == 0)
            return true;
        p += len;
        p += *p == ' ';
    }
    return false;
}

/* The arity and keywords a definition declares, checked before it runs. */
static const char *qname(const BuiltinDef *d, char *q, size_t cap)
{
    if (!*q)
        qualified(d, q, cap);
    return q;
}

static bool check_call(PyRun *I, const BuiltinDef *d, int nargs, SimId kw)
{
    char q[64] = ""; /* qname() fills it for a message: most calls need none */
    int nkw = kw ? (int)sim_obj(S, kw)->len : 0;
    int np = nargs - nkw - (d->owner ? 1 : 0);
    for (int i = 0; i < nkw; i++) {
        size_t n;
        const char *w = sim_str_data(S, sim_items(S, kw)[i], &n);
        if (word_in(d->kw, w, n) || (d->kw && strcmp(d->kw, "*") == 0))
            continue;
        if (word_in(d->kw_refused, w, n) || (d->kw_refused && strcmp(d->kw_refused, "*") == 0))
            return py_not_modelled(I, 0, "the keyword argument '%.*s' of %s()", (int)n, w, qname(d, q, sizeof q));
        const char *fn = d->kw_fn ? d->kw_fn : d->name;
        if (!d->kw && !d->kw_refused)
            py_raise(I, EXC_TypeError, "%s() takes no keyword arguments", d->kw_fn ? d->kw_fn : qname(d, q, sizeof q));
        else if (S->prof->version <= SIM_V312) /* 3.13 rewords it */
            py_raise(I, EXC_TypeError, "'%.*s' is an invalid keyword argument for %s()", (int)n, w, fn);
        else
            py_raise(I, EXC_TypeError, "%s() got an unexpected keyword argument '%.*s'", fn, (int)n, w);
        return false;
    }
    if (d->style == ARGS_NONE && np != 0) {
        py_raise(I, EXC_TypeError, "%s() takes no arguments (%d given)", qname(d, q, sizeof q), np);
        return false;
    }
    if (d->style == ARGS_ONE && np != 1) {
        py_raise(I, EXC_TypeError, "%s() takes exactly one argument (%d given)", qname(d, q, sizeof q), np);
        return false;
    }
    bool few = np < d->min, many = d->max >= 0 && np > d->max;
    if ((d->style == ARGS_RANGE || d->style == ARGS_CLINIC) && (few || many)) {
        int want = few ? d->min : d->max;
        const char *how = d->min == d->max ? "" : few ? "at least " : "at most ";
        const char *names = d->clinic ? strchr(d->clinic, ':') + 1 : NULL;
        for (int i = 0; names && i < np; i++) /* the first parameter not given */
            names += strcspn(names, " "), names += strspn(names, " ");
        if (d->style == ARGS_CLINIC && few && names && *names) /* a parameter with a name */
            py_raise(I, EXC_TypeError, "%s() missing required argument '%.*s' (pos %d)", d->name,
                     (int)strcspn(names, " "), names, np + 1);
        else if (d->style == ARGS_RANGE)
            py_raise(I, EXC_TypeError, "%s expected %s%d argument%s, got %d", d->name, how, want,
                     want == 1 ? "" : "s", np);
        else
            py_raise(I, EXC_TypeError, "%s() takes %s%d argument%s (%d given)", d->name, how, want,
                     want == 1 ? "" : "s", np);
        return false;
    }
    return true;
}

/* The builtins-module function a built-in iterator type is called as
 * (enumerate, zip, map, filter, reversed), or -1 when it cannot be called. */
static int iter_type_def(PyRun *I, SimId type)
{
    const char *name = sim_type_obj_name(S, type);
    for (int i = 0; name && i < function_ndefs; i++)
        if (strcmp(function_defs[i].name, name) == 0)
            return i;
    int k = name ? itertools_def_of(name) : -1;
    for (int t = 0; k >= 0 && t < NTABLES; t++)
        if (tables[t].defs == itertools_functions)
            return table_base(t) + k;
    if (name && strcmp(name, "_io.BytesIO") == 0) /* io's */
        name++;
    for (int m = 0; name && py_modules[m].name; m++) { /* "operator.itemgetter", "functools.partial" */
        size_t len = strlen(py_modules[m].name);
        if (strncmp(name, py_modules[m].name, len) != 0 || name[len] != '.')
            continue;
        for (int i = 0; i < *py_modules[m].nfunctions; i++)
            if (!py_modules[m].functions[i].owner && strcmp(py_modules[m].functions[i].name, name + len + 1) == 0)
                return table_base(FIRST_MODULE + m) + i;
    }
    return -1;
}

/* The kinds whose methods a program can read from the type (str.lower) and
 * call unbound: their method descriptors check the first argument. */
static bool descriptor_kind(int k)
{
    return k == SK_STR || k == SK_LIST || k == SK_DICT || k == SK_SET || k == SK_TUPLE || k == SK_BYTEARRAY ||
           k == SK_INT || k == SK_FLOAT || k == SK_BYTES || k == SK_TYPE;
}

/* Is self an instance of the kind a method is defined on? (bool is an int;
 * everything is an object) */
static bool self_fits(PyRun *I, int owner, SimId self)
{
    int k = sim_kind(S, self);
    return k == owner || owner == SK_OBJECT || (owner == SK_INT && k == SK_BOOL);
}

/* method_vectorcall's checks of an unbound call's self */
static bool unbound_self_ok(PyRun *I, const BuiltinDef *d, SimId *args, int nargs, SimId kw)
{
    const char *tn = sim_kind_name((SimKind)d->owner);
    int np = nargs - (kw ? (int)sim_obj(S, kw)->len : 0);
    bool ops = (d >= slot_op_methods && d < slot_op_methods + slot_op_nmethods) ||
               (d >= dunder_methods && d < dunder_methods + dunder_nmethods) ||
               (d >= object_slot_methods && d < object_slot_methods + object_slot_nmethods);
    if (ops && bi_slot_wrapper(d)) { /* wrapperdescr_call's checks */
        if (np < 1) {
            py_raise(I, EXC_TypeError, "descriptor '%s' of '%s' object needs an argument", d->name, tn);
            return false;
        }
        if (!self_fits(I, d->owner, args[0])) {
            py_raise(I, EXC_TypeError, "descriptor '%s' requires a '%s' object but received a '%s'", d->name, tn,
                     op_typename(I, args[0]));
            return false;
        }
        return true;
    }
    if ((!descriptor_kind(d->owner) && !ops) || d->module == BM_COLLECTIONS) /* Counter's: Python functions */
        return true;
    if (np < 1) {
        py_raise(I, EXC_TypeError, "unbound method %s.%s() needs an argument", tn, d->name);
        return false;
    }
    if (!self_fits(I, d->owner, args[0])) {
        py_raise(I, EXC_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", d->name, tn,
                 op_typename(I, args[0]));
        return false;
    }
    return true;
}

/* A method descriptor of a built-in type (str.upper) stored in a plain
 * class's body and read through an instance: its __get__ binds only to
 * instances of its own type, which a plain instance never is. */
bool builtins_refuse_foreign_descriptor(PyRun *I, SimId c, SimId obj)
{
    SimObj *o = sim_obj(S, c);
    if (o->kind != SK_BUILTIN || o->v.builtin.self)
        return false;
    const BuiltinDef *d = bi_def(o->v.builtin.index);
    if (!d || !d->owner)
        return false;
    if (!descriptor_kind(d->owner)) {
        py_not_modelled(I, 0, "a method of '%s' stored in a class and read through an instance",
                        sim_kind_name((SimKind)d->owner));
        return true;
    }
    py_raise(I, EXC_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", d->name,
             sim_kind_name((SimKind)d->owner), op_typename(I, obj));
    return true;
}

SimId builtins_descriptor(PyRun *I, SimId type, uint32_t index)
{
    const BuiltinDef *d = bi_def(index);
    if (!descriptor_kind(d->owner) && !d->classmethod) /* float.__new__ binds to its type */
        return py_not_modelled(I, 0, "'%s.%s' read on the type", sim_kind_name((SimKind)d->owner), d->name), (SimId)0;
    if (d->classmethod) { /* bound to the type: <built-in method fromkeys of type object> */
        sim_incref(S, type);
        return sim_builtin(S, index, type);
    }
    sim_incref(S, I->builtin_methods[index]);
    return I->builtin_methods[index];
}

const char *bi_python_library(const BuiltinDef *d)
{
    static const char *const libs[] = {
        [BM_COPY] = "copy", [BM_DATACLASSES] = "dataclasses", [BM_CONTEXTLIB] = "contextlib",
        [BM_RANDOM] = "random", [BM_STRING] = "string", [BM_ENUM] = "enum", [BM_JSON] = "json",
        [BM_PPRINT] = "pprint", [BM_TYPING] = "typing", [BM_THREADING] = "threading",
        [BM_ASYNCIO] = "asyncio", [BM_QUEUE] = "queue", [BM_FUTURES] = "concurrent.futures",
        [BM_MULTIPROCESSING] = "multiprocessing", [BM_TRACEBACK] = "traceback", [BM_STATISTICS] = "statistics",
    };
    static const char *const c_asyncio[] = {/* _asyncio's C functions and Future/Task methods */
                                            "get_running_loop", "current_task", "done", "cancelled", "result",
                                            "exception", "cancel", "add_done_callback", "set_result",
                                            "set_exception", "get_name", "set_name", "get_coro", "cancelling",
                                            "uncancel"};
    for (size_t i = 0; d->module == BM_ASYNCIO && i < sizeof c_asyncio / sizeof c_asyncio[0]; i++)
        if (strcmp(d->name, c_asyncio[i]) == 0 && (d->owner == 0) == (i < 2))
            return NULL;
    if (d->module < sizeof libs / sizeof libs[0] && libs[d->module])
        return libs[d->module];
    if (d->module == BM_WEAKREF && d->owner) /* WeakValueDictionary, WeakSet, finalize: weakref.py */
        return "weakref";
    if (d->module == BM_COLLECTIONS && (d->owner == SK_DICT || d->owner == SK_INSTANCE)) /* Counter's, ChainMap's */
        return "collections";
    if (d >= namedtuple_methods && d < namedtuple_methods + namedtuple_nmethods && strcmp(d->name, "__new__") != 0)
        return "collections"; /* _make, _replace ...: collections/__init__.py's frames (__new__ raises at the call) */
    if (d->module == BM_HEAPQ && (strcmp(d->name, "nlargest") == 0 || strcmp(d->name, "nsmallest") == 0))
        return "heapq";
    if (d->module == BM_TEXTWRAP)
        return "textwrap";
    if (d->module == BM_FRACTIONS)
        return "fractions";
    static const char *const py_functools[] = {"wraps", "update_wrapper", "total_ordering", "cached_property"};
    for (size_t i = 0; d->module == BM_FUNCTOOLS && i < sizeof py_functools / sizeof py_functools[0]; i++)
        if (strcmp(d->name, py_functools[i]) == 0)
            return "functools";
    return NULL;
}

SimId builtins_call(PyRun *I, uint32_t index, SimId self, SimId *args, int nargs, SimId kw)
{
    if (nargs > 0 && sim_in_slab(S, args)) { /* a tuple's items: copied, the call may move them */
        ArgCopy c;
        SimId r = builtins_call(I, index, self, argcopy(&c, 0, args, nargs), nargs, kw);
        argcopy_free(&c);
        return r;
    }
    I->ts->ex_args = I->ts->call_ex;
    I->ts->call_ex = 0;
    if ((index & 0xffff0000u) == 0xffff0000u) {
        bool xtype = self && sim_kind(S, self) == SK_TYPE && sim_obj(S, self)->cap > SIM_XT_NONE &&
                     sim_obj(S, self)->sub != SK_INSTANCE;
        if (((index & 0xffu) == SK_ITER || xtype) && self) { /* enumerate(...), zip(...), frozenset(...) */
            int i = iter_type_def(I, self);
            if (i >= 0)
                index = (uint32_t)i;
            else {
                py_raise(I, EXC_TypeError, "cannot create '%s' instances", sim_type_obj_name(S, self));
                return 0;
            }
        } else {
            return type_construct(I, (int)(index & 0xffu), args, nargs, kw);
        }
    }
    (void)self;
    const BuiltinDef *d = bi_def(index);
    if (!d) {
        py_raise(I, EXC_SystemError, "bad builtin");
        return 0;
    }
    if (S->gc.timing_exposed)
        gc_timing_call(I, d);
    if (I->order_watch && !I->order_watch(I, d))
        return 0;
    if (d->refused) { /* a name CPython has, listed so that calling it is refused */
        char q[96] = "";
        return py_not_modelled(I, 0, "'%s'", qname(d, q, sizeof q)), (SimId)0;
    }
    if (!self && d->owner && !unbound_self_ok(I, d, args, nargs, kw))
        return 0;
    if (!check_call(I, d, nargs, kw))
        return 0;
    if (d->module == BM_WEAKREF && d->owner)
        weakref_first_call(I, d);
    I->bi_bound = self != 0;
    I->bi_called = d;
    if (kw && d->clinic)
        bi_clinic_kwtuple(I, d->clinic);
    TpArgs packed = {0, 0};
    if (d->varargs & (1u << S->prof->version)) { /* cfunction_call / method_vectorcall_VARARGS */
        int skip = d->owner ? 1 : 0;
        packed = tp_args(I, args + skip, nargs - skip, kw);
    }
    SimId r = tp_args_done(I, &packed, d->fn(I, args, nargs, kw));
    if (!r && I->ts->err.set && !I->refused && !I->err_library && (I->err_library = bi_python_library(d))) {
        I->err_library_line = py_current_line(I);
        I->err_library_tb = true;
    }
    if (r && I->ts->err.set) { /* a program's __eq__ raised in a lookup it made (sim/userkey.h) */
        sim_decref(S, r);
        return 0;
    }
    return r;
}

/* ---- startup ---------------------------------------------------------------- */

/* a built-in callable that exists from startup: no memory, not tracked,
 * and no allocation the collector counts (CPython's are static objects: so
 * the number of built-ins cannot move when a collection runs while the
 * program compiles) */
static SimId static_builtin(PyRun *I, uint32_t index)
{
    int count = S->gc.gen[0].count;
    bool collecting = S->gc.collecting;
    S->gc.collecting = true; /* no collection for it */
    SimId b = sim_builtin(S, index, 0);
    S->gc.collecting = collecting;
    S->gc.gen[0].count = count;
    SimObj *o = sim_obj(S, b);
    sim_untrack(S, b);
    pm_free(&S->pm, o->mem);
    o->mem = PM_NULL;
    o->flags |= SIM_F_STATIC;
    return b;
}

void bi_dict_put(PyRun *I, SimId d, const char *name, SimId v)
{
    sim_dict_set(S, d, sim_str_intern(S, name, strlen(name)), v);
}

/* The type named `qualified` (an iterator type such as "itertools.count"
 * or "zip"), or 0: a function of that name is bound to it instead. */
static SimId type_named(PyRun *I, const char *qualified)
{
    for (int xt = SIM_XT_NONE + 1; xt < SIM_XT_COUNT; xt++)
        if (strcmp(sim_type_obj_name(S, S->xtypes[xt]), qualified) == 0)
            return S->xtypes[xt];
    for (int k = SK_NONE; k < SK_COUNT; k++) /* collections.deque */
        if (strchr(sim_kind_name((SimKind)k), '.') && strcmp(sim_kind_name((SimKind)k), qualified) == 0)
            return S->types[k];
    return 0;
}

static SimId make_module(PyRun *I, int m)
{
    const ModuleDef *md = &py_modules[m];
    SimId d = sim_dict(S);
    int t = FIRST_MODULE + m, base = table_base(t);
    for (int i = 0; i < *tables[t].n; i++) {
        const BuiltinDef *def = &md->functions[i];
        if (def->owner) /* a method of one of its types */
            continue;
        char q[96];
        snprintf(q, sizeof q, "%s.%s", md->name, def->name);
        SimId type = type_named(I, q);
        if (type)
            sim_incref(S, type);
        bi_dict_put(I, d, def->name, type ? type : static_builtin(I, (uint32_t)(base + i)));
    }
    md->init(I, d);
    return sim_module(S, sim_str_intern(S, md->name, strlen(md->name)), d);
}

SimId module_find(PyRun *I, const char *name, size_t n)
{
    for (size_t m = 0; py_modules[m].name; m++)
        if (strlen(py_modules[m].name) == n && memcmp(py_modules[m].name, name, n) == 0) {
            if (!I->modules[m] && py_modules[m].on_import) { /* its first import */
                int counts[3]; /* the import's traffic is on_import's to add */
                for (int g = 0; g < 3; g++)
                    counts[g] = S->gc.gen[g].count;
                bool stocked = S->fl_list.n || S->fl_dict.n || S->fl_float.n || S->fl_keys.n;
                for (unsigned k = 0; k < SIM_TUPLE_MAXSAVE; k++)
                    stocked = stocked || S->fl_tuple[k].n;
                I->modules[m] = make_module(I, (int)m);
                for (int g = 0; g < 3; g++)
                    S->gc.gen[g].count = counts[g];
                if (!stocked) /* the model's making of its classes (enum.Enum) leaves no stock */
                    sim_clear_freelists(S);
                py_modules[m].on_import(I);
            }
            return I->modules[m];
        }
    return 0;
}

SimId module_find_loaded(PyRun *I, const char *name)
{
    for (size_t m = 0; py_modules[m].name; m++)
        if (strcmp(py_modules[m].name, name) == 0)
            return I->modules[m];
    return 0;
}

void builtins_init(PyRun *I)
{
    I->builtins = sim_dict(S);
    for (int i = 0; i < function_ndefs; i++) {
        SimId type = type_named(I, function_defs[i].name); /* enumerate, zip, map ... are types */
        if (type)
            sim_incref(S, type);
        bi_dict_put(I, I->builtins, function_defs[i].name, type ? type : static_builtin(I, (uint32_t)i));
    }
    I->builtin_methods = calloc((size_t)bi_count(), sizeof *I->builtin_methods);
    int first, end;
    bi_method_range(&first, &end);
    for (int i = first; i < end; i++)
        I->builtin_methods[i] = static_builtin(I, (uint32_t)i);
    method_index_build(I);
    static const struct { const char *name; SimKind k; } types[] = {
        {"int", SK_INT}, {"float", SK_FLOAT}, {"complex", SK_COMPLEX}, {"str", SK_STR}, {"bytes", SK_BYTES},
        {"bytearray", SK_BYTEARRAY}, {"list", SK_LIST}, {"tuple", SK_TUPLE}, {"dict", SK_DICT},
        {"set", SK_SET}, {"object", SK_OBJECT}, {"type", SK_TYPE}, {"bool", SK_BOOL},
        {"range", SK_RANGE}, {"super", SK_SUPER}, {"property", SK_PROPERTY},
        {"classmethod", SK_CLASSMETHOD}, {"staticmethod", SK_STATICMETHOD},
    };
    for (unsigned i = 0; i < sizeof types / sizeof types[0]; i++) {
        sim_incref(S, S->types[types[i].k]);
        bi_dict_put(I, I->builtins, types[i].name, S->types[types[i].k]);
    }
    sim_incref(S, S->none);
    bi_dict_put(I, I->builtins, "None", S->none);
    sim_incref(S, S->ellipsis);
    bi_dict_put(I, I->builtins, "Ellipsis", S->ellipsis);
    sim_incref(S, S->notimpl);
    bi_dict_put(I, I->builtins, "NotImplemented", S->notimpl);
    errors_init(I);
    for (int m = 0; m < NTABLES - FIRST_MODULE; m++)
        if (!py_modules[m].on_import)
            I->modules[m] = make_module(I, m);
}
