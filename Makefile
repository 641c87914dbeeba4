# Regulars — the two commands of the README, and the benchmarks.
#
#   make run     install missing build dependencies, build, open the demo studio
#   make check   the same set-up, then every test under Xvfb and a D-Bus session,
#                again with AddressSanitizer/UBSan for the unit and widget tests;
#                ends with a line "N passed, N failed"
#   make bench   the benchmarks, each with its baseline measured in the same run
#   make fuzz    the fuzz targets (clang's libFuzzer, ASan, UBSan), FUZZ_TIME
#                seconds each; a crash is written to tests/fuzz/crashes/
#   make torture the crash harness 1,000 times (make check runs it 200 times)

BUILD      ?= build
ASAN_BUILD ?= build-asan
MESON      ?= meson
XVFB        = xvfb-run -a -s "-screen 0 1400x900x24"
DBUS        = dbus-run-session --

# Debian 12 / Ubuntu package names; Fedora's below.
DEB_PACKAGES = gcc make meson ninja-build pkg-config gettext \
               libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev libsqlite3-dev \
               libcairo2-dev libpango1.0-dev libjson-glib-dev desktop-file-utils appstream \
               xvfb xauth dbus-daemon adwaita-icon-theme fonts-cantarell fonts-dejavu-core \
               libcsv-dev libebook-contacts1.2-dev libical-dev libsodium-dev python3-icalendar sqlite3 poppler-utils
RPM_PACKAGES = gcc make meson ninja-build pkgconf-pkg-config gettext \
               glib2-devel gtk4-devel libadwaita-devel sqlite-devel cairo-devel pango-devel json-glib-devel \
               libical-devel evolution-data-server-devel libsodium-devel \
               desktop-file-utils appstream xorg-x11-server-Xvfb xorg-x11-xauth dbus-daemon \
               adwaita-icon-theme abattis-cantarell-fonts dejavu-sans-fonts libasan libubsan \
               libcsv-devel python3-icalendar sqlite poppler-utils

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps build run check bench fuzz torture clean

all: build

# Installs only what is missing, so it is quick when everything is there.
deps:
	@if command -v dpkg-query >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then \
	  missing=""; \
	  for p in $(DEB_PACKAGES); do \
	    dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	  done; \
	  if [ -n "$$missing" ]; then \
	    echo "Installing:$$missing"; \
	    $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -q && \
	    $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $$missing; \
	  fi; \
	elif command -v dnf >/dev/null 2>&1; then \
	  missing=""; \
	  for p in $(RPM_PACKAGES); do rpm -q $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	  if [ -n "$$missing" ]; then echo "Installing:$$missing"; $(SUDO) dnf install -y $$missing; fi; \
	else \
	  echo "Install by hand: a C compiler, meson, ninja, pkg-config, gettext, GTK 4.8+, libadwaita 1.2+, SQLite 3.40+ (with FTS5), Xvfb, dbus"; \
	fi

$(BUILD)/build.ninja:
	$(MESON) setup $(BUILD) -Dwerror=true

build: deps $(BUILD)/build.ninja
	$(MESON) compile -C $(BUILD)

run: build
	$(BUILD)/src/regulars --demo

# Every test, then the unit and widget tests again under the sanitizers.
# The summary counts both runs from meson's JSON logs.
check: build
	@status=0; \
	$(XVFB) $(DBUS) $(MESON) test -C $(BUILD) --print-errorlogs || status=1; \
	[ -f $(ASAN_BUILD)/build.ninja ] || $(MESON) setup $(ASAN_BUILD) -Dwerror=true \
	    -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug || status=1; \
	$(MESON) compile -C $(ASAN_BUILD) || status=1; \
	$(XVFB) $(DBUS) $(MESON) test -C $(ASAN_BUILD) --suite unit --suite ui --print-errorlogs || status=1; \
	python3 tests/summary.py $(BUILD)/meson-logs/testlog.json $(ASAN_BUILD)/meson-logs/testlog.json || status=1; \
	exit $$status

bench: build
	$(XVFB) $(DBUS) $(MESON) test -C $(BUILD) --benchmark --verbose

# The fuzz targets link src/io and src/util alone, with the model's
# import rows (src/model/rg-import-rows.c, GLib only). To add one: tests/fuzz/fuzz-NAME.c
# defining LLVMFuzzerTestOneInput, seeds in tests/fuzz/corpus/NAME/, NAME
# here and in tests/fuzz/meson.build (which replays the corpus in make check).
# New inputs the fuzzer finds go to $(FUZZ_BUILD)/corpus-NAME, crashes to
# tests/fuzz/crashes/: fix the bug, then move the input into the corpus.
FUZZ_BUILD   ?= build-fuzz
FUZZ_TIME    ?= 60
FUZZ_CC      ?= clang
FUZZ_TARGETS ?= csv vcard phone date
FUZZ_SOURCES  = $(wildcard src/util/*.c) src/io/rg-csv.c src/io/rg-import-map.c src/io/rg-io-decode.c \
                src/io/rg-table.c src/io/rg-vcard.c src/model/rg-import-rows.c
FUZZ_CFLAGS   = -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
                -Isrc -Isrc/model -I$(FUZZ_BUILD) -DGLIB_VERSION_MIN_REQUIRED=GLIB_VERSION_2_74 \
                -DGLIB_VERSION_MAX_ALLOWED=GLIB_VERSION_2_74 \
                $(shell pkg-config --cflags glib-2.0 gobject-2.0 gio-2.0 libebook-contacts-1.2)
FUZZ_LIBS     = $(shell pkg-config --libs glib-2.0 gobject-2.0 gio-2.0 libebook-contacts-1.2) -lcsv -lm

$(FUZZ_BUILD)/config.h:
	mkdir -p $(FUZZ_BUILD)
	printf '#define GETTEXT_PACKAGE "regulars"\n#define _GNU_SOURCE 1\n' > $@

$(FUZZ_BUILD)/fuzz-%: tests/fuzz/fuzz-%.c tests/fuzz/fuzz-common.h $(FUZZ_SOURCES) $(FUZZ_BUILD)/config.h
	$(FUZZ_CC) $(FUZZ_CFLAGS) -o $@ $< $(FUZZ_SOURCES) $(FUZZ_LIBS)

fuzz: $(addprefix $(FUZZ_BUILD)/fuzz-,$(FUZZ_TARGETS))
	@mkdir -p tests/fuzz/crashes
	@status=0; \
	for t in $(FUZZ_TARGETS); do \
	  mkdir -p $(FUZZ_BUILD)/corpus-$$t; \
	  echo "== fuzz-$$t for $(FUZZ_TIME) s"; \
	  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  $(FUZZ_BUILD)/fuzz-$$t -max_total_time=$(FUZZ_TIME) -max_len=65536 -print_final_stats=1 \
	    -artifact_prefix=tests/fuzz/crashes/$$t- \
	    $(FUZZ_BUILD)/corpus-$$t tests/fuzz/corpus/$$t > $(FUZZ_BUILD)/fuzz-$$t.log 2>&1 || status=1; \
	  grep -A 40 -m 1 'ERROR: libFuzzer\|ERROR: AddressSanitizer\|runtime error' $(FUZZ_BUILD)/fuzz-$$t.log; \
	  tail -n 12 $(FUZZ_BUILD)/fuzz-$$t.log; \
	done; \
	exit $$status

# A writer killed with SIGKILL at 1,000 random moments; the studio checked
# after each kill (tests/crash/crash-test.c).
torture: build
	env TZ=UTC LC_ALL=C.UTF-8 LANG=C.UTF-8 G_DEBUG=gc-friendly,fatal-warnings \
	  $(BUILD)/tests/crash/crash-test --writer $(BUILD)/tests/crash/crash-writer --iterations 1000

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD)
