# Sourced by .ci/run and the scripts it calls: run a step and print how
# long it took and the machine's load then (CI keeps only the log).
timed() {
    local name=$1 start end
    shift
    echo "== $name"
    start=$(date +%s)
    "$@"
    end=$(date +%s)
    echo "== $name: $((end - start)) s (load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown))"
}
