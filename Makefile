# winnow: small, fast Unix filters for scraped news text.
# GNU make.  `make` builds bin/*, `make check` runs every test, `make demo`
# shows the filters on samples/demo-article.txt.  See README.md.
.SUFFIXES:

include config.mk

# Where objects and binaries go; `make asan` uses another pair so that an
# instrumented build never mixes with the normal one.
O = build
B = bin

WARN = -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
	-Wmissing-prototypes -Wformat=2 -Wwrite-strings -Wvla
PCRE2_CFLAGS != pkg-config --cflags libpcre2-8 2>/dev/null || true
PCRE2_LIBS != pkg-config --libs libpcre2-8 2>/dev/null || true
# extract-quotes reads ahead on a second thread (lib/readahead.c).
THREAD_FLAGS = -pthread
WERROR_1 = -Werror
XCFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -DVERSION=\"$(VERSION)\" \
	-Ilib $(WARN) $(WERROR_$(WERROR)) $(PCRE2_CFLAGS) $(THREAD_FLAGS)

LIBSRC = \
	lib/buf.c \
	lib/cli.c \
	lib/color.c \
	lib/hash.c \
	lib/hashset.c \
	lib/inputs.c \
	lib/lineio.c \
	lib/output.c \
	lib/prog.c \
	lib/readahead.c \
	lib/record.c \
	lib/rx.c \
	lib/utf8.c \
	lib/xalloc.c
# scan.h is header-only (inline byte-parallel tests).
LIBHDR = $(LIBSRC:.c=.h) lib/scan.h
LIBOBJ = $(LIBSRC:%.c=$(O)/%.o)
LIBA = $(O)/libwinnow.a

UNITS = \
	buf \
	hash \
	hashset \
	lineio \
	readahead \
	record \
	rx \
	scan \
	utf8
UNITBIN = $(UNITS:%=$(O)/unit/%_test)

BINS = $(FILTERS:%=$(B)/%)
MANS = $(FILTERS:%=filters/%.1)

all: $(BINS)

deps-ok:
	@if ! command -v pkg-config >/dev/null 2>&1 || \
	    ! pkg-config --exists libpcre2-8; then \
		echo "winnow needs pkg-config and the pcre2 headers:" >&2; \
		echo "  Debian/Ubuntu: apt-get install libpcre2-dev pkg-config" >&2; \
		echo "  or run: scripts/install-deps" >&2; \
		exit 1; \
	fi

$(O)/lib/%.o: lib/%.c $(LIBHDR) config.mk | deps-ok
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(XCFLAGS) -c -o $@ $<

$(O)/filters/%.o: filters/%.c $(LIBHDR) config.mk | deps-ok
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(XCFLAGS) -c -o $@ $<

$(LIBA): $(LIBOBJ)
	rm -f $@
	ar rcs $@ $(LIBOBJ)

$(B)/%: $(O)/filters/%.o $(LIBA)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(LIBA) $(PCRE2_LIBS) $(THREAD_FLAGS)

# A filter that is a folder, filters/NAME/ with main.c: its *.c parts are
# linked together, and its word lists (*.words, one entry a line) become
# $(O)/gen/NAME/words.h (scripts/words2c), which the parts include.
define folder_filter
$(O)/gen/$(1)/words.h: $$(wildcard filters/$(1)/*.words) scripts/words2c
	@mkdir -p $$(@D)
	sh scripts/words2c $$(sort $$(wildcard filters/$(1)/*.words)) >$$@.tmp
	mv $$@.tmp $$@

$(O)/filters/$(1)/%.o: filters/$(1)/%.c $$(wildcard filters/$(1)/*.h) \
    $(O)/gen/$(1)/words.h $$(LIBHDR) config.mk | deps-ok
	@mkdir -p $$(@D)
	$$(CC) $$(CFLAGS) $$(XCFLAGS) -Ifilters/$(1) -I$(O)/gen/$(1) -c -o $$@ $$<

$(B)/$(1): $$(patsubst %.c,$(O)/%.o,$$(wildcard filters/$(1)/*.c)) $$(LIBA)
	@mkdir -p $$(@D)
	$$(CC) $$(CFLAGS) $$(LDFLAGS) -o $$@ $$(filter %.o,$$^) $$(LIBA) \
	    $$(PCRE2_LIBS) $$(THREAD_FLAGS)
endef
FOLDER_FILTERS = $(patsubst filters/%/main.c,%,$(wildcard filters/*/main.c))
$(foreach f,$(FOLDER_FILTERS),$(eval $(call folder_filter,$(f))))

$(O)/unit/%_test: tests/unit/%_test.c tests/unit/unit.h $(LIBHDR) $(LIBA)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(XCFLAGS) -Itests/unit $(LDFLAGS) -o $@ $< $(LIBA) $(PCRE2_LIBS) $(THREAD_FLAGS)

units: $(UNITBIN)

# The README's two commands: they install what the build needs first.
check:
	@sh scripts/install-deps --if-missing
	@$(MAKE) --no-print-directory test

demo:
	@sh scripts/install-deps --if-missing
	@$(MAKE) --no-print-directory all
	@sh scripts/demo $(B)

test: all units
	@WINNOW_BIN=$(B) WINNOW_UNIT=$(O)/unit WRAP="$(WRAP)" \
	    WINNOW_SANITIZED="$(SANITIZED)" WINNOW_SKIP_HUGE="$(SKIP_HUGE)" \
	    sh tests/run.sh

ASAN_FLAGS = -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer
asan:
	@sh scripts/install-deps --if-missing
	@$(MAKE) --no-print-directory O=build/asan B=build/asan/bin \
	    CFLAGS="$(ASAN_FLAGS)" LDFLAGS="$(ASAN_FLAGS)" SANITIZED=1 test

# ThreadSanitizer (clang) over the whole suite, extract-quotes' reading
# thread started at the first line of every document.
TSAN_FLAGS = -O1 -g -fsanitize=thread
tsan:
	@sh scripts/install-deps --if-missing
	@WINNOW_READAHEAD=0 TSAN_OPTIONS="halt_on_error=1 exitcode=66" \
	    $(MAKE) --no-print-directory CC=clang O=build/tsan B=build/tsan/bin \
	    CFLAGS="$(TSAN_FLAGS)" LDFLAGS="$(TSAN_FLAGS)" SANITIZED=1 test

valgrind:
	@$(MAKE) --no-print-directory O=build/vg B=build/vg/bin \
	    WRAP="env WINNOW_NO_JIT=1 valgrind -q --error-exitcode=99 --leak-check=full" \
	    SANITIZED=1 SKIP_HUGE=1 test

bench: all
	@python3 scripts/bench

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)
	for f in $(FILTERS); do \
		install -m 755 $(B)/$$f $(DESTDIR)$(BINDIR)/$$f && \
		install -m 644 filters/$$f.1 $(DESTDIR)$(MANDIR)/$$f.1 || exit 1; \
	done

uninstall:
	for f in $(FILTERS); do \
		rm -f $(DESTDIR)$(BINDIR)/$$f $(DESTDIR)$(MANDIR)/$$f.1; \
	done

format:
	clang-format -i lib/*.[ch] filters/*.c tests/unit/*.[ch]

lint:
	@sh scripts/lint

clean:
	rm -rf build bin tests/out

.SECONDARY:

.PHONY: all deps-ok units check demo test asan tsan valgrind bench install \
	uninstall format lint clean

# libFuzzer targets (clang): `make fuzz FUZZ_SECONDS=300`.
FUZZ_SECONDS = 60
fuzz:
	@sh scripts/fuzz -t $(FUZZ_SECONDS)
.PHONY: fuzz
