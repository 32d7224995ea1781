# Quick start: `make site` builds the sample archive into Output; `make test` runs every test.
.PHONY: setup site test check bench

setup:
	./scripts/setup

site: setup
	swift build -c release --product brief
	.build/release/brief build --content Content --templates Templates --output Output

test: setup
	swift test
	swift build --product brief
	.build/debug/brief check --content Content

bench: setup
	swift build -c release --product brief-bench
	.build/release/brief-bench extraction
	.build/release/brief-bench clustering
