# Thin wrappers over packaging/dev.sh, which does all set-up on Debian/Ubuntu.
.PHONY: app test setup bench lint clean

app:
	bash packaging/dev.sh app

test:
	bash packaging/dev.sh test

setup:
	bash packaging/dev.sh setup

lint:
	.venv/bin/ruff check desktop tests bench packaging && .venv/bin/lint-imports

bench:
	.venv/bin/python bench/search_bench.py

clean:
	rm -rf .venv build *.egg-info .pytest_cache .ruff_cache .hypothesis
