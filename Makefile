# madoguchi: `make run` serves the demo, `make test` runs every test.
# Both install what is missing first (scripts/bootstrap is idempotent).
BUILD      ?= build
DATA       ?= var
PORT       ?= 8080
JOBS       ?= $(shell nproc)
MADOGUCHI  := $(BUILD)/madoguchi
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 60
# ccache (installed by the bootstrap) shares objects between checkouts of the
# same tree when paths inside it are written relative to it and the build
# folder's own path is left out of the hash.
export CCACHE_BASEDIR ?= $(CURDIR)
export CCACHE_NOHASHDIR ?= 1

.PHONY: all deps configure server build migrate seed run test unit integration browser bench fuzz fuzz-regress clean

all: build

deps:
	@scripts/bootstrap

$(BUILD)/build.ninja: CMakeLists.txt
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null

configure: deps $(BUILD)/build.ninja

# What `make run` needs: the madoguchi binary and the postal table, no tests.
server: configure
	@cmake --build $(BUILD) -j $(JOBS) --target madoguchi postal_table

build: configure
	@cmake --build $(BUILD) -j $(JOBS)

migrate: server
	@$(MADOGUCHI) migrate --data $(DATA)

seed: migrate
	@$(MADOGUCHI) seed --demo --data $(DATA)

run: seed
	$(MADOGUCHI) serve --port $(PORT) --data $(DATA)

test: build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS) -L 'unit|integration'
	@$(MAKE) --no-print-directory browser

unit: build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS) -L unit

integration: build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS) -L integration

browser: build
	@MADOGUCHI_BINARY=$(abspath $(MADOGUCHI)) node --test --test-concurrency=1 tests/browser/

bench: build
	@scripts/bench $(BUILD)

$(FUZZ_BUILD)/build.ninja: CMakeLists.txt
	@CXX=clang++ CC=clang cmake -S . -B $(FUZZ_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DMADOGUCHI_FUZZ=ON -DMADOGUCHI_TESTS=OFF -DMADOGUCHI_WERROR=OFF \
	  -DCMAKE_CXX_FLAGS="-fsanitize=address,undefined,fuzzer-no-link" >/dev/null

# Replays every committed corpus under ASan/UBSan (make test replays them without).
fuzz-regress: deps $(FUZZ_BUILD)/build.ninja
	@cmake --build $(FUZZ_BUILD) -j $(JOBS)
	@scripts/fuzz $(FUZZ_BUILD) regress

# Explores for FUZZ_SECONDS per target and adds what it finds to the corpora.
fuzz: deps $(FUZZ_BUILD)/build.ninja
	@cmake --build $(FUZZ_BUILD) -j $(JOBS)
	@scripts/fuzz $(FUZZ_BUILD) explore $(FUZZ_SECONDS)

clean:
	rm -rf $(BUILD) $(FUZZ_BUILD)
