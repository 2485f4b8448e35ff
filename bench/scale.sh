#!/usr/bin/env bash
# Nationwide scale benchmark (issue 8, item 5): generates the synthetic
# nationwide dataset with "plancast gen", ingests it into a fresh InfluxDB 1.8
# (started here, loopback only) with "plancast ingest", one call per file as an
# operator would push them, then times the nationwide assessment
# GET /api/v1/assessment?plan=14th-fyp on "plancast serve" (cold, then warm)
# and as the planner's XLSX and CSV downloads, and as of today (cold: every
# vintage read), and reads the server's peak RSS
# (VmHWM). With EMBEDDED=1 (the default) the
# same is done on the embedded store for comparison. Stops everything it
# started. Results go to stdout as "key: value" lines and to $OUT (if set).
#
#   bench/scale.sh                                  # 2850 regions x 40 indicators x 30 years
#   REGIONS=285 bench/scale.sh                      # a tenth, for a quick check
#   SHARD_DURATION= bench/scale.sh                  # InfluxDB's default shard groups (7 days)
#   BEFORE_BIN=/path/plancast bench/scale.sh        # also time another build's serve on the same data
#   KEEP_INFLUX=1 bench/scale.sh                    # leave the loaded influxd running (prints where)
set -euo pipefail
cd "$(dirname "$0")/.."
regions=${REGIONS:-2850}
indicators=${INDICATORS:-40}
years=${YEARS:-30}
# Yearly figures: a shard-group duration of 14040 weeks puts every year plancast
# accepts (1900–2150) in one shard; the default, 7 days, gives each year its own.
shard_duration=${SHARD_DURATION-14040w}
embedded=${EMBEDDED:-1}
step_timeout=${STEP_TIMEOUT:-900}
work=$(mktemp -d)
out=${OUT:-$work/results.txt}

go build -o "$work/plancast" ./cmd/plancast
. scripts/influxd.sh

serve_pid=
stop_serve() { if [ -n "$serve_pid" ]; then kill "$serve_pid" 2>/dev/null || true; wait "$serve_pid" 2>/dev/null || true; serve_pid=; fi; }
cleanup() { stop_serve; [ "${KEEP_INFLUX:-}" = 1 ] || stop_influxd; rm -rf "$work"; }
trap cleanup EXIT

say() { echo "$1: $2" | tee -a "$out"; }
now() { date +%s.%N; }
elapsed() { echo "$1 $2" | awk '{printf "%.2f", $2 - $1}'; }
# cpu PID: user+system CPU seconds the process has used so far.
cpu() { awk -v t="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / t}' "/proc/$1/stat"; }
hwm() { awk '/VmHWM/ {printf "%.0f MiB", $2 / 1024}' "/proc/$1/status"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

wait_up() {
  for _ in $(seq 1 300); do curl -fsS -o /dev/null "$1/healthz" 2>/dev/null && return 0; sleep 0.2; done
  echo "server at $1 did not come up"; return 1
}

say machine "$(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/ {print $2}') GiB RAM"
say go "$(go version | cut -d' ' -f3)"
say load_at_start "$(load)"

# --- the dataset -------------------------------------------------------------
t0=$(now)
"$work/plancast" gen --regions "$regions" --indicators "$indicators" --years "$years" --out "$work/ds" 2>/dev/null | tee -a "$out"
say gen_seconds "$(elapsed "$t0" "$(now)")"
say dataset_bytes "$(du -sb "$work/ds" | cut -f1)"
obs_files=("$work"/ds/observations-*.csv)
rows=$(( $(cat "${obs_files[@]}" | wc -l) - ${#obs_files[@]} ))
say observations "$rows"
say targets "$(( $(wc -l < "$work/ds/targets.csv") - 1 ))"

# assess BASE LABEL LOG [STORE_PID]: the nationwide assessment, cold then warm,
# on the server with pid $serve_pid writing its JSON access log to LOG;
# STORE_PID is the store's process, if any. The handler's own time comes from
# the access log: a reply cut by the server's write timeout still has it.
assess() {
  local base=$1 label=$2 log=$3 store_pid=${4:-} t c0 s0 n
  c0=$(cpu "$serve_pid"); [ -n "$store_pid" ] && s0=$(cpu "$store_pid")
  t=$(curl -fsS -o "$work/assessment.json" -w '%{time_total}' --max-time "$step_timeout" "$base/api/v1/assessment?plan=14th-fyp") ||
    say "${label}_assessment_cold_reply" "failed (curl exit $?): see the handler time"
  say "${label}_assessment_cold_seconds" "${t:-none}"
  sleep 1
  say "${label}_assessment_cold_handler_seconds" "$(grep '"route":"/api/v1/assessment"' "$log" | head -1 | sed 's/.*"duration":\([0-9]*\).*/\1/' | awk '{printf "%.2f", $1 / 1e9}')"
  [ -s "$work/assessment.json" ] || curl -fsS -o "$work/assessment.json" --max-time "$step_timeout" "$base/api/v1/assessment?plan=14th-fyp"
  say "${label}_assessment_cold_server_cpu_seconds" "$(echo "$c0 $(cpu "$serve_pid")" | awk '{printf "%.2f", $2 - $1}')"
  [ -n "$store_pid" ] && say "${label}_assessment_cold_influxd_cpu_seconds" "$(echo "$s0 $(cpu "$store_pid")" | awk '{printf "%.2f", $2 - $1}')"
  say "${label}_assessment_bytes" "$(stat -c %s "$work/assessment.json")"
  n=$(jq '.assessments | length' "$work/assessment.json")
  say "${label}_targets_assessed" "$n"
  say "${label}_targets_unassessed" "$(jq '.unassessed | length' "$work/assessment.json")"
  say "${label}_statuses" "$(jq -c '[.assessments[].status] | group_by(.) | map({(.[0]): length}) | add' "$work/assessment.json")"
  for i in 1 2 3; do
    say "${label}_assessment_warm_seconds_$i" "$(curl -fsS -o /dev/null -w '%{time_total}' --max-time "$step_timeout" "$base/api/v1/assessment?plan=14th-fyp")"
  done
  say "${label}_server_peak_rss" "$(hwm "$serve_pid")"
  # The same answer as a planner's download: laid out from the cached JSON
  # answer on the first request, then cached too.
  for f in xlsx csv; do
    say "${label}_assessment_${f}_first_seconds" "$(curl -fsS -o "$work/assessment.$f" -w '%{time_total}' --max-time "$step_timeout" "$base/api/v1/assessment?plan=14th-fyp&format=$f")"
    say "${label}_assessment_${f}_warm_seconds" "$(curl -fsS -o /dev/null -w '%{time_total}' --max-time "$step_timeout" "$base/api/v1/assessment?plan=14th-fyp&format=$f")"
    say "${label}_assessment_${f}_bytes" "$(stat -c %s "$work/assessment.$f")"
  done
  say "${label}_assessment_csv_rows" "$(( $(wc -l < "$work/assessment.csv") - 1 ))"
  say "${label}_server_peak_rss_after_downloads" "$(hwm "$serve_pid")"
  # As of today: every vintage read and reduced to the newest by the date
  # (plancast.ReadSeriesValuesAsOf), which must judge as the latest read does.
  t=$(curl -fsS -o "$work/assessment-asof.json" -w '%{time_total}' --max-time "$step_timeout" "$base/api/v1/assessment?plan=14th-fyp&as_of=$(date -u +%F)") ||
    say "${label}_assessment_asof_reply" "failed (curl exit $?)"
  say "${label}_assessment_asof_cold_seconds" "${t:-none}"
  say "${label}_assessment_asof_same_as_latest" "$(cmp -s <(jq -c '.assessments' "$work/assessment.json") <(jq -c '.assessments' "$work/assessment-asof.json") && echo yes || echo NO)"
  say "${label}_server_peak_rss_after_asof" "$(hwm "$serve_pid")"
  say "${label}_load_after" "$(load)"
}

# ingest_all LABEL STORE-FLAGS...: catalog, every observations file (one call
# each: a file is one all-or-nothing batch), then the targets.
ingest_all() {
  local label=$1; shift
  local t0 u0 u1 f
  t0=$(now)
  timeout "$step_timeout" "$work/plancast" ingest "$@" "$work/ds/catalog.json" >/dev/null
  for f in "${obs_files[@]}"; do
    /usr/bin/time -f '%U %S %M' -a -o "$work/$label-ingest-times" timeout "$step_timeout" "$work/plancast" ingest "$@" "$f" 2>/dev/null >>"$work/$label-ingest.log"
  done
  local t1; t1=$(now)
  say "${label}_ingest_observations_seconds" "$(elapsed "$t0" "$t1")"
  say "${label}_ingest_rows_per_second" "$(echo "$rows $(elapsed "$t0" "$t1")" | awk '{printf "%.0f", $1 / $2}')"
  say "${label}_ingest_client_cpu_seconds" "$(awk '{s += $1 + $2} END {printf "%.2f", s}' "$work/$label-ingest-times")"
  say "${label}_ingest_client_peak_rss" "$(awk '$3 > m {m = $3} END {printf "%.0f MiB", m / 1024}' "$work/$label-ingest-times")"
  say "${label}_ingest_new" "$(awk '{n += $2} END {print n}' "$work/$label-ingest.log")"
  t0=$(now)
  timeout "$step_timeout" "$work/plancast" ingest "$@" "$work/ds/targets.csv" 2>/dev/null | tee -a "$out"
  say "${label}_ingest_targets_seconds" "$(elapsed "$t0" "$(now)")"
}

# --- InfluxDB -----------------------------------------------------------------
start_influxd
create="CREATE DATABASE plancast"
[ -n "$shard_duration" ] && create="$create WITH SHARD DURATION $shard_duration"
curl -fsS -XPOST "$INFLUX_URL/query" --data-urlencode "q=$create" >/dev/null
say influx_database "$create"
i0=$(cpu "$INFLUX_PID")
ingest_all influx --influx-url "$INFLUX_URL" --influx-bucket plancast/autogen
say influx_ingest_influxd_cpu_seconds "$(echo "$i0 $(cpu "$INFLUX_PID")" | awk '{printf "%.2f", $2 - $1}')"
say influxd_peak_rss_after_ingest "$(hwm "$INFLUX_PID")"
say influx_series "$(curl -fsS "$INFLUX_URL/query?db=plancast" --data-urlencode 'q=SHOW SERIES CARDINALITY' | jq '.results[0].series[0].values[0][0]')"
say influx_data_bytes "$(du -sb "$INFLUX_TMP/data" | cut -f1)"

port=$(free_port)
"$work/plancast" serve --no-seed --log-format json --addr "127.0.0.1:$port" --influx-url "$INFLUX_URL" --influx-bucket plancast/autogen >"$work/serve-influx.log" 2>&1 &
serve_pid=$!
wait_up "http://127.0.0.1:$port"
say influx_load_before "$(load)"
assess "http://127.0.0.1:$port" influx "$work/serve-influx.log" "$INFLUX_PID"
say influxd_peak_rss "$(hwm "$INFLUX_PID")"
stop_serve
if [ -n "${BEFORE_BIN:-}" ]; then
  port=$(free_port)
  "$BEFORE_BIN" serve --no-seed --log-format json --addr "127.0.0.1:$port" --influx-url "$INFLUX_URL" --influx-bucket plancast/autogen >"$work/serve-before.log" 2>&1 &
  serve_pid=$!
  wait_up "http://127.0.0.1:$port"
  assess "http://127.0.0.1:$port" before_influx "$work/serve-before.log" "$INFLUX_PID" || say before_influx_failed "see above"
  stop_serve
fi
if [ "${KEEP_INFLUX:-}" = 1 ]; then
  say influxd_kept "$INFLUX_URL pid $INFLUX_PID data $INFLUX_TMP (stop it yourself)"
else
  stop_influxd
  INFLUX_PID= INFLUX_TMP=
fi

# --- embedded store -------------------------------------------------------------
if [ "$embedded" = 1 ]; then
  ingest_all embedded --data-dir "$work/bolt"
  say embedded_store_bytes "$(du -sb "$work/bolt" | cut -f1)"
  port=$(free_port)
  "$work/plancast" serve --no-seed --log-format json --addr "127.0.0.1:$port" --data-dir "$work/bolt" >"$work/serve-bolt.log" 2>&1 &
  serve_pid=$!
  wait_up "http://127.0.0.1:$port"
  say embedded_load_before "$(load)"
  assess "http://127.0.0.1:$port" embedded "$work/serve-bolt.log"
  stop_serve
fi
say load_at_end "$(load)"
