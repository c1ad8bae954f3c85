# plaint - complaint handling from the shell.  See README.md.
PREFIX ?= /usr/local
DESTDIR ?=
CC ?= cc
CFLAGS ?= -O2 -g
O ?= build
# plaint --version; also in plaint -h and the footer of plaint(1).
VERSION = 0.13.0

PKG_CONFIG ?= pkg-config
YAML_CFLAGS := $(shell $(PKG_CONFIG) --cflags yaml-0.1 2>/dev/null)
YAML_LIBS := $(shell $(PKG_CONFIG) --libs yaml-0.1 2>/dev/null || echo -lyaml)

STD = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE
WARN = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wformat=2
ALL_CFLAGS = $(STD) $(WARN) $(CFLAGS) $(YAML_CFLAGS) -pthread \
	-DPLAINT_VERSION='"$(VERSION)"'

LIB_SRC = $(sort $(wildcard lib/*.c))
CMD_SRC = $(sort $(wildcard cmd/*.c))
LIB_OBJ = $(LIB_SRC:%.c=$(O)/%.o)
CMD_OBJ = $(CMD_SRC:%.c=$(O)/%.o)
HDRS = $(wildcard lib/*.h cmd/*.h)
UNIT_SRC = $(sort $(wildcard tests/unit/*.c))
MANPAGES = $(wildcard man/man1/*.1 man/man5/*.5 man/man7/*.7)

# The binary sits at the top of the tree (or of $(O) for other builds),
# so that it finds data/ and man/ beside it.
BIN = $(if $(filter build,$(O)),plaint,$(O)/plaint)
LIBA = $(if $(filter build,$(O)),lib/libplaint.a,$(O)/libplaint.a)

all: $(O)/.deps $(BIN)

$(O)/.deps: tools/ensure-deps.sh
	@sh tools/ensure-deps.sh
	@mkdir -p $(O) && touch $@

$(O)/%.o: %.c $(HDRS) $(O)/.deps
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# A new VERSION is built in.
$(O)/cmd/common.o $(O)/cmd/plaint.o: Makefile

$(LIBA): $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $(LIB_OBJ)

$(BIN): $(CMD_OBJ) $(LIBA)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(CMD_OBJ) $(LIBA) $(YAML_LIBS) -pthread

$(O)/unit: $(UNIT_SRC) $(LIBA) $(HDRS) $(wildcard tests/unit/*.h)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $(UNIT_SRC) $(LIBA) $(YAML_LIBS) -pthread

# The fuzz harnesses (tests/fuzz), each also built as a driver with the
# ordinary compiler, so that make check replays every corpus file and
# every past crash without clang.
FUZZ_TARGETS = complaint csv filter jsonl policy
FUZZ_COMMON = tests/fuzz/fuzz.c tests/unit/tree.c
FUZZ_DEFS = -DFUZZ_DATA='"$(CURDIR)/data"'
FUZZ_REPLAY = $(FUZZ_TARGETS:%=$(O)/fuzz/%)

$(O)/fuzz/%: tests/fuzz/%.c tests/fuzz/replay.c $(FUZZ_COMMON) tests/fuzz/fuzz.h tests/unit/tree.h $(LIBA) $(HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(FUZZ_DEFS) $(LDFLAGS) -o $@ $< tests/fuzz/replay.c $(FUZZ_COMMON) $(LIBA) $(YAML_LIBS) -pthread

fuzz-replay: $(FUZZ_REPLAY)

# The whole suite: unit tests, end-to-end tests of the real binary,
# the fuzz corpora, and a lint of the manual pages.  Ends with
# "N passed, N failed".
check: all $(O)/unit fuzz-replay
	@PLAINT_FUZZ=$(O)/fuzz sh tests/run.sh $(O)/unit $(BIN)

# The same suite under AddressSanitizer and UndefinedBehaviorSanitizer.
check-asan:
	$(MAKE) O=build-asan CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" LDFLAGS="-fsanitize=address,undefined" check

# The suite with every plaint run under valgrind's memcheck.
check-valgrind: all $(O)/unit fuzz-replay
	@PLAINT_VALGRIND=1 PLAINT_FUZZ=$(O)/fuzz sh tests/run.sh $(O)/unit $(BIN)

# The long forms of the reliability scenarios: a 10-minute mixed soak
# (SOAK_SECONDS), the full disk, every allocation failing in turn, the
# whole fault matrix, and 200 kills of an import (RELIABILITY T5-T8, T11).
torture: all $(O)/unit fuzz-replay
	@SOAK_SECONDS=$${SOAK_SECONDS:-600} CRASH_IMPORT_KILLS=$${CRASH_IMPORT_KILLS:-200} \
		FAULT_MATRIX=full PLAINT_FUZZ=$(O)/fuzz \
		T=$${T:-t07} sh tests/run.sh $(O)/unit $(BIN) && \
	SOAK_SECONDS=0 CRASH_IMPORT_KILLS=$${CRASH_IMPORT_KILLS:-200} \
		T=t0510 sh tests/run.sh $(O)/unit $(BIN)

# Break each rule on purpose (tests/mutants.list) and check that the
# suite catches every one.  Too slow for CI: a build and tests per mutant.
mutants:
	@sh tests/mutants.sh -j $(or $(JOBS),2)

# A demo tree with a few complaints at different stages.
demo: all
	@sh tools/demo.sh ./$(BIN) demo-tree

# libFuzzer on each harness for FUZZ_SECONDS (Debian's clang and
# libclang-rt-14-dev), under ASan and UBSan.  New inputs go to
# build-fuzz/corpus, crashes to build-fuzz/crashes; tests/fuzz is only
# read (README.md, Tests).
FUZZ_CC ?= clang
FUZZ_SECONDS ?= 60
FUZZ_SAN = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

fuzz:
	$(MAKE) O=build-fuzz CC=$(FUZZ_CC) CFLAGS="-O1 -g $(FUZZ_SAN) -fsanitize=fuzzer-no-link" build-fuzz/libplaint.a
	@for t in $(FUZZ_TARGETS); do \
		$(FUZZ_CC) $(STD) $(WARN) -O1 -g $(FUZZ_SAN) -fsanitize=fuzzer $(YAML_CFLAGS) $(FUZZ_DEFS) \
		    -o build-fuzz/fuzz-$$t tests/fuzz/$$t.c $(FUZZ_COMMON) build-fuzz/libplaint.a $(YAML_LIBS) -pthread || exit 1; \
	done
	@sh tests/fuzz/run.sh build-fuzz $(FUZZ_SECONDS) $(or $(FUZZ),$(FUZZ_TARGETS))

# Speed and memory against the floors in ../shared/bench (see tools/bench.py).
bench: all
	@python3 tools/bench.py

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/plaint/policies
	install -d $(DESTDIR)$(PREFIX)/share/man/man1 $(DESTDIR)$(PREFIX)/share/man/man5 $(DESTDIR)$(PREFIX)/share/man/man7
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/plaint
	install -m 644 data/policies/*.yaml $(DESTDIR)$(PREFIX)/share/plaint/policies/
	if ls data/calendars/*.yaml >/dev/null 2>&1; then install -d $(DESTDIR)$(PREFIX)/share/plaint/calendars && install -m 644 data/calendars/*.yaml $(DESTDIR)$(PREFIX)/share/plaint/calendars/; fi
	install -m 644 man/man1/*.1 $(DESTDIR)$(PREFIX)/share/man/man1/
	install -m 644 man/man5/*.5 $(DESTDIR)$(PREFIX)/share/man/man5/
	install -m 644 man/man7/*.7 $(DESTDIR)$(PREFIX)/share/man/man7/

clean:
	rm -rf build build-asan build-fuzz plaint lib/libplaint.a demo-tree

.PHONY: all check check-asan check-valgrind demo bench fuzz fuzz-replay install mutants torture clean
