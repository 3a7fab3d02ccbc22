# `make run` builds and starts Candor; `make test` runs every test. Both install what is
# missing first (scripts/setup.sh) and are quick when nothing is.
SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(PATH)
TARGET_DIR := $(or $(CARGO_TARGET_DIR),$(CURDIR)/target)
APP := $(TARGET_DIR)/debug/candor-app

.PHONY: run test setup-run setup-test ui lint bindings screenshots bench letters-report eval fuzz

run: setup-run ui
	cargo build -p candor-app
	$(APP)

test: setup-test ui
	cargo test --workspace
	cargo clippy --workspace --all-targets -- -D warnings
	npm run --silent check
	npm run --silent test:unit
	cargo build -p candor-app -p candor-cli
	CANDOR_APP=$(APP) CANDOR_CLI=$(TARGET_DIR)/debug/candor npm run --silent test:e2e

setup-run:
	@scripts/setup.sh run

setup-test:
	@scripts/setup.sh test

# The window's HTML, CSS and scripts, which the app embeds when it is compiled.
ui:
	npm run --silent build

lint: ui
	cargo clippy --workspace --all-targets -- -D warnings
	npm run --silent check

# Rewrites ui/src/lib/bindings.ts from the Rust types.
bindings:
	CANDOR_UPDATE_BINDINGS=1 cargo test -p candor-core typescript_bindings_are_current
	CANDOR_UPDATE_BINDINGS=1 cargo test -p candor-app the_typescript_command_wrappers_are_up_to_date

# Retakes the README's screenshots of the real window under Xvfb.
screenshots: setup-test ui
	cargo build -p candor-app -p candor-cli
	CANDOR_APP=$(APP) CANDOR_CLI=$(TARGET_DIR)/debug/candor node tests/e2e/screenshots.mjs
	CANDOR_CLI=$(TARGET_DIR)/debug/candor tests/e2e/export-screenshots.sh

# Speed, memory and size, measured in release builds; never part of `make test`.
bench: setup-test ui
	cargo build --release -p candor-app -p candor-cli
	cargo bench -p candor-core --bench checks
	cargo bench -p candor-store --bench library
	@command -v proselint >/dev/null || pip install --quiet proselint || true
	node tests/bench/window.mjs

# Rewrites tests/letters/REPORT.md after the rules or the letters change.
letters-report:
	CANDOR_UPDATE_REPORT=1 cargo test -p candor-core --test letters

# Measures the checks on the real letters in ../shared/letters-dev (not in this repository)
# against tests/corpus/labels, and writes tests/corpus/REPORT.md. Not part of `make test`.
eval:
	cargo test -p candor-core --test corpus -- --ignored --nocapture

# Fuzzes the checks, the Markdown rendering and review-package import, FUZZ_SECONDS each
# (60 by default). cargo-fuzz needs nightly features; RUSTC_BOOTSTRAP lets the stable
# toolchain provide them. Never part of `make test`.
FUZZ_SECONDS ?= 60
fuzz:
	@command -v cargo-fuzz >/dev/null || cargo install --locked cargo-fuzz
	cd fuzz && for t in checks markdown package; do \
		RUSTC_BOOTSTRAP=1 cargo fuzz run $$t -- -max_total_time=$(FUZZ_SECONDS) || exit 1; \
	done
