#!/usr/bin/env bash
# The whole-process figures of the README's performance table, with fzf side by side in the same run.
# Needs hyperfine, fzf and GNU time (Debian: apt-get install hyperfine fzf time).
# Usage: bash benches/whole-process.sh   (the in-process figures come from `cargo bench`)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin versus --example gen-dataset

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export VERSUS_CACHE_DIR="$work/cache"
versus=target/release/versus
generate=target/release/examples/gen-dataset
"$generate" --dimensions 10000 --seed 1 > "$work/10k.toml"
"$generate" --dimensions 10000 --seed 1 --lines > "$work/10k.txt"
"$generate" --dimensions 100000 --seed 1 --lines > "$work/100k.txt"
queries=(thread 'cold start' tpt zzzq)

echo "## versus report, built-in data"
hyperfine -N -w 5 -r 50 "$versus report"

echo "## versus revisit, 100 records on the built-in data (each with its own weights; all hold)"
mkdir -p "$work/repo" "$work/config"
for i in $(seq 1 100); do
    VERSUS_CONFIG_DIR="$work/config" "$versus" record --dir "$work/repo/docs/decisions" --title "Decision $i" \
        --weight "cpu-bound=$((i % 11))" --weight "realtime=$(((i / 11) % 11))" --review-by 2999-01-01 > /dev/null
done
VERSUS_CONFIG_DIR="$work/config" hyperfine -N -w 5 -r 30 "$versus revisit $work/repo/docs/decisions"

echo "## 10k: versus search (cached) and fzf --filter over the same dimensions as lines"
"$versus" --data "$work/10k.toml" report > /dev/null # the first run parses and caches
for query in "${queries[@]}"; do
    hyperfine -i -w 3 -r 20 \
        -n "fzf $query" "fzf --filter '$query' < $work/10k.txt > /dev/null" \
        -n "versus search $query" "$versus --data $work/10k.toml search $query > /dev/null"
done

echo "## 10k: versus report, cached"
hyperfine -N -w 3 -r 20 "$versus --data $work/10k.toml report"

echo "## 10k: the first run, which parses the TOML and writes the cache"
hyperfine -r 5 --prepare "rm -rf $VERSUS_CACHE_DIR" \
    "$versus --data $work/10k.toml search thread > /dev/null" "$versus --data $work/10k.toml report > /dev/null"

echo "## 100k: fzf --filter (versus at 100k is measured in process: cargo bench --bench engine)"
for query in "${queries[@]}"; do
    hyperfine -i -w 1 -r 10 -n "fzf $query" "fzf --filter '$query' < $work/100k.txt > /dev/null"
done

echo "## peak RSS"
/usr/bin/time -f '%M KB  versus report, built-in' "$versus" report > /dev/null
rm -rf "$VERSUS_CACHE_DIR"
/usr/bin/time -f '%M KB  versus report, 10k, first run' "$versus" --data "$work/10k.toml" report > /dev/null
/usr/bin/time -f '%M KB  versus report, 10k, cached' "$versus" --data "$work/10k.toml" report > /dev/null
/usr/bin/time -f '%M KB  versus search thread, 10k, cached' "$versus" --data "$work/10k.toml" search thread > /dev/null
ls -l "$versus" | awk '{ print "binary: " $5 " bytes" }'
