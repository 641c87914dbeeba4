# Regulars — the two commands of the README, and the benchmarks.
#
#   make run     install missing build dependencies, build, open the demo studio
#   make check   the same set-up, then every test under Xvfb and a D-Bus session,
#                again with AddressSanitizer/UBSan for the unit and widget tests;
#                ends with a line "N passed, N failed"
#   make bench   the benchmarks, each with its baseline measured in the same run
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
               xvfb xauth dbus-daemon adwaita-icon-theme fonts-cantarell fonts-dejavu-core
RPM_PACKAGES = gcc make meson ninja-build pkgconf-pkg-config gettext \
               glib2-devel gtk4-devel libadwaita-devel sqlite-devel cairo-devel pango-devel json-glib-devel \
               desktop-file-utils appstream xorg-x11-server-Xvfb xorg-x11-xauth dbus-daemon \
               adwaita-icon-theme abattis-cantarell-fonts dejavu-sans-fonts libasan libubsan

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps build run check bench torture clean

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

# A writer killed with SIGKILL at 1,000 random moments; the studio checked
# after each kill (tests/crash/crash-test.c).
torture: build
	env TZ=UTC LC_ALL=C.UTF-8 LANG=C.UTF-8 G_DEBUG=gc-friendly,fatal-warnings \
	  $(BUILD)/tests/crash/crash-test --writer $(BUILD)/tests/crash/crash-writer --iterations 1000

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)
