# pydive — Python Memory Model Deep Dive
#
#   make run      install what is missing, build, start the course
#   make test     build and run every test; the last line is "N passed, N failed"
#   make bench    benchmarks (not part of the tests)
#   make install  PREFIX=/usr/local DESTDIR= ; make uninstall
#   make deps     install missing packages (Debian/Ubuntu) or list them
#
# Sources are found by folder, so adding a .c file needs no Makefile edit:
# app/**/*.c builds the program, tests/unit/test_*.c each become a cmocka test.

PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
DATADIR ?= $(PREFIX)/share/pydive
MANDIR  ?= $(PREFIX)/share/man
PKG_CONFIG ?= pkg-config
CC      ?= cc

PKGS      := ncursesw lua5.4 yaml-0.1
TEST_PKGS := cmocka
DEB_PKGS  := build-essential pkg-config libncurses-dev liblua5.4-dev libyaml-dev libcmocka-dev tmux

BUILD ?= build
PROG  ?= pydive
OPT   ?= -O2 -g

WARN := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
        -Wformat=2 -Wundef -Wwrite-strings $(if $(findstring clang,$(CC)),,-Wno-format-truncation)
PKG_CFLAGS = $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null)
TEST_CFLAGS = $(shell $(PKG_CONFIG) --cflags $(TEST_PKGS) 2>/dev/null)
TEST_LIBS   = $(shell $(PKG_CONFIG) --libs $(TEST_PKGS) 2>/dev/null)

CPPFLAGS += -Iapp -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE
CFLAGS   += -std=c11 $(OPT) $(WARN) -MMD -MP
LDLIBS   += -lm

ifeq ($(V),1)
Q :=
else
Q := @
endif

APP_SRC  := $(shell find app -name '*.c' | sort)
LIB_SRC  := $(filter-out app/main.c,$(APP_SRC))
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o)
MAIN_OBJ := $(BUILD)/app/main.o
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
FUZZ_SRC := $(sort $(wildcard tests/fuzz/fuzz_*.c))
VERSION  := $(shell cat VERSION 2>/dev/null || echo 0.1.0)

.PHONY: all run test unit-tests bench install uninstall clean deps ensure-deps \
        check-layers lint fuzz test-asan test-valgrind man

all: $(PROG)

# ---- dependencies --------------------------------------------------------

# Installs what is missing on Debian/Ubuntu; elsewhere prints what to install.
deps:
	@missing=""; \
	if command -v dpkg-query >/dev/null 2>&1; then \
	  for p in $(DEB_PKGS); do \
	    dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	  done; \
	  if [ -z "$$missing" ]; then echo "deps: everything is installed"; exit 0; fi; \
	  sudo=""; [ "$$(id -u)" -eq 0 ] || sudo="sudo"; \
	  echo "deps: installing$$missing"; \
	  $$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq $$missing; \
	else \
	  echo "deps: not a Debian/Ubuntu system; install these (names from Debian):"; \
	  echo "  $(DEB_PKGS)"; \
	  echo "  (Fedora: ncurses-devel lua-devel libyaml-devel libcmocka-devel tmux pkgconf)"; \
	  exit 1; \
	fi

# Runs `deps` only when a pkg-config check or tmux is missing.
ensure-deps:
	@$(PKG_CONFIG) --exists $(PKGS) $(TEST_PKGS) 2>/dev/null && command -v tmux >/dev/null 2>&1 \
	  || $(MAKE) --no-print-directory deps

# ---- build ---------------------------------------------------------------

$(PROG): $(MAIN_OBJ) $(BUILD)/libpydive.a
	@echo "  LD      $@"
	$(Q)$(CC) $(LDFLAGS) -o $@ $^ $(PKG_LIBS) $(LDLIBS)

$(BUILD)/libpydive.a: $(LIB_OBJ)
	@echo "  AR      $@"
	$(Q)rm -f $@ && ar rcs $@ $^

# The dispatch loop keeps one indirect jump per instruction site (direct
# threading, which the branch predictor learns per site): GCC's cross-jumping
# would merge those tails back into one shared jump.
$(BUILD)/app/pyrun/vm_loop.o: CFLAGS += $(if $(findstring clang,$(CC)),,-fno-crossjumping)

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS) $(PKG_CFLAGS) -c -o $@ $<

# A format string must be a literal, so -Wformat checks every printf-like
# call (variadic helpers carry format(printf) attributes).  pyrun still passes
# computed formats in four places (items.c, repr.c): allowed there until they go.
$(BUILD)/app/pyrun/%.o: WARN += -Wno-format-nonliteral

# The install location is compiled into paths.c; rebuild it when it changes.
$(BUILD)/app/base/paths.o: CPPFLAGS += -DPYDIVE_DATADIR='"$(DATADIR)"'
$(BUILD)/app/base/paths.o: $(BUILD)/datadir.stamp
$(BUILD)/app/main.o: CPPFLAGS += -DPYDIVE_VERSION='"$(VERSION)"'
$(BUILD)/datadir.stamp: FORCE
	@mkdir -p $(BUILD)
	@echo '$(DATADIR)' | cmp -s - $@ || echo '$(DATADIR)' > $@
FORCE:

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libpydive.a
	@mkdir -p $(dir $@)
	@echo "  TEST-CC $<"
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS) $(PKG_CFLAGS) $(TEST_CFLAGS) -o $@ $< \
	  $(BUILD)/libpydive.a $(PKG_LIBS) $(TEST_LIBS) $(LDLIBS)

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)

# ---- run and test --------------------------------------------------------

run:
	@$(MAKE) --no-print-directory ensure-deps
	@$(MAKE) --no-print-directory pydive
	./pydive

test:
	@$(MAKE) --no-print-directory ensure-deps
	@$(MAKE) --no-print-directory pydive unit-tests
	@tests/run.sh

# The whole suite again with AddressSanitizer and UBSan built in, and the
# simulation's invariants checked (SIM_ASSERT, app/sim/check.h).
SAN := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
test-asan:
	@$(MAKE) --no-print-directory ensure-deps
	@$(MAKE) --no-print-directory BUILD=build/asan PROG=build/asan/pydive \
	  OPT="-O1 -g $(SAN) -DSIM_CHECKS" LDFLAGS="$(SAN)" build/asan/pydive unit-tests
	@ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1 \
	  PYDIVE=build/asan/pydive TEST_BUILD=build/asan tests/run.sh

# The command-line and terminal flows under valgrind: any error or definite
# leak fails the run (ncurses keeps "still reachable" memory on purpose).
VALGRIND := valgrind -q --error-exitcode=99 --leak-check=full \
  --errors-for-leak-kinds=definite --show-leak-kinds=definite
test-valgrind: pydive
	@command -v valgrind >/dev/null || $(MAKE) --no-print-directory deps DEB_PKGS=valgrind
	@PYDIVE="$(VALGRIND) ./pydive" tests/run.sh cli
	@E2E_WAIT=30 PYDIVE="$(VALGRIND) ./pydive" tests/run.sh e2e

# libFuzzer targets (tests/fuzz/fuzz_*.c) built with clang and sanitizers;
# each runs FUZZ_SECONDS on its corpus in tests/fuzz/corpus/NAME.
FUZZ_SECONDS ?= 60
FUZZ_CC ?= clang
fuzz:
	@command -v $(FUZZ_CC) >/dev/null && [ -n "$$(find /usr/lib/llvm-*/lib/clang -name 'libclang_rt.fuzzer-x86_64.a' 2>/dev/null)" ] \
	  || $(MAKE) --no-print-directory deps DEB_PKGS="clang libclang-rt-14-dev"
	@$(MAKE) --no-print-directory CC=$(FUZZ_CC) BUILD=build/fuzz PROG=build/fuzz/pydive \
	  OPT="-O1 -g -fsanitize=fuzzer-no-link,address,undefined -DSIM_CHECKS" build/fuzz/libpydive.a
	@tests/fuzz/run.sh $(FUZZ_SECONDS)

unit-tests: $(UNIT_BIN)

bench: pydive
	@tests/bench/run.sh

# The layer rules of docs/ARCHITECTURE: curses only in ui/, Lua only in
# script/, libyaml only in course/ and learner/, and no include that climbs
# (sim/ includes nothing of lab/ or pyrun/; lab/ uses only sim/ and base/).
check-layers:
	@tests/tools/check-layers.sh

lint:
	cppcheck --quiet --enable=warning,performance,portability --error-exitcode=1 \
	  --suppress=missingIncludeSystem -Iapp app

# ---- install -------------------------------------------------------------

CONTENT_DIRS := lessons exercises assessments assets

# The manual is written by the program from its own command and key tables.
$(BUILD)/pydive.1: pydive
	@mkdir -p $(BUILD)
	./pydive --man > $@
man: $(BUILD)/pydive.1

COMPLETIONDIR ?= $(PREFIX)/share/bash-completion/completions

install: pydive $(BUILD)/pydive.1
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)
	install -m 755 pydive $(DESTDIR)$(BINDIR)/pydive
	install -D -m 644 $(BUILD)/pydive.1 $(DESTDIR)$(MANDIR)/man1/pydive.1
	install -D -m 644 assets/completion/pydive.bash $(DESTDIR)$(COMPLETIONDIR)/pydive
	for d in $(CONTENT_DIRS); do \
	  find $$d -type f | while read -r f; do \
	    install -D -m 644 "$$f" "$(DESTDIR)$(DATADIR)/$$f"; done; done

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/pydive $(DESTDIR)$(MANDIR)/man1/pydive.1 \
	  $(DESTDIR)$(COMPLETIONDIR)/pydive
	for d in $(CONTENT_DIRS); do rm -rf "$(DESTDIR)$(DATADIR)/$$d"; done
	-rmdir $(DESTDIR)$(DATADIR) 2>/dev/null

clean:
	rm -rf $(BUILD) pydive
