package main

import (
	"encoding/csv"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/plancast/plancast/forecast/benchfile"
)

// forecastRow is one parsed line of a forecasts file.
type forecastRow struct {
	method                       string
	horizon, year                int
	mean, lo80, hi80, lo95, hi95 float64
}

// readForecasts parses a forecasts file by series.
func readForecasts(t *testing.T, path string) map[string][]forecastRow {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(recs[0], ",") + "\n"; got != benchfile.ForecastHeader {
		t.Fatalf("header %q, want %q", got, benchfile.ForecastHeader)
	}
	out := map[string][]forecastRow{}
	for _, r := range recs[1:] {
		num := func(i int) float64 {
			v, err := strconv.ParseFloat(r[i], 64)
			if err != nil {
				t.Fatalf("row %v column %d: %v", r, i, err)
			}
			return v
		}
		out[r[0]] = append(out[r[0]], forecastRow{method: r[1], horizon: int(num(2)), year: int(num(3)),
			mean: num(4), lo80: num(5), hi80: num(6), lo95: num(7), hi95: num(8)})
	}
	return out
}

// writeLong writes a long-format file: 12 smooth series (2% a year, ±0.5%
// noise, dated timestamps), 12 noisy ones (±20% a year) and one of 2 years.
func writeLong(t *testing.T) string {
	t.Helper()
	rng := rand.New(rand.NewPCG(1, 2))
	var b strings.Builder
	b.WriteString("series_id,category,value,timestamp\n")
	for i := range 24 {
		cat, drift, noise, ts := "smooth", 0.02, 0.005, "%d-01-01"
		if i%2 == 1 {
			cat, drift, noise, ts = "noisy", 0.03, 0.2, "%d"
		}
		v := 100.0 + float64(i)
		for y := 2000; y < 2010+i%5; y++ {
			fmt.Fprintf(&b, "S%d,%s,%g,"+ts+"\n", i, cat, v, y)
			v *= math.Exp(drift + noise*rng.NormFloat64())
		}
	}
	b.WriteString("TOO_SHORT,smooth,5,2019\nTOO_SHORT,smooth,6,2020\n")
	path := filepath.Join(t.TempDir(), "long.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestBacktestForecastsEveryHeldOutYearWithNestedIntervals(t *testing.T) {
	in := writeLong(t)
	out := filepath.Join(t.TempDir(), "fc.csv")
	code, stdout, stderr := run(t, "backtest", "--input", in, "--horizon", "3", "--out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "24 series, method auto, horizon 3") {
		t.Errorf("stdout %q: want the count of series forecast and the method", stdout)
	}
	if !strings.Contains(stderr, "series TOO_SHORT skipped") || !strings.Contains(stderr, "backtest: 25/25 series") {
		t.Errorf("stderr %q: want progress and the skipped series named", stderr)
	}
	// The pooled volatility is learnt per category: the smooth kind's is far below the noisy kind's.
	m := regexp.MustCompile(`per category: noisy ([0-9.]+), smooth ([0-9.]+)`).FindStringSubmatch(stderr)
	if m == nil {
		t.Fatalf("stderr %q: want the pooled volatility per category", stderr)
	}
	noisy, _ := strconv.ParseFloat(m[1], 64)
	smooth, _ := strconv.ParseFloat(m[2], 64)
	if !(smooth < noisy/3) {
		t.Errorf("pooled volatility smooth %v, noisy %v: want smooth well below noisy", smooth, noisy)
	}

	rows := readForecasts(t, out)
	if len(rows) != 24 || rows["TOO_SHORT"] != nil {
		t.Fatalf("forecasts for %d series, want the 24 long enough", len(rows))
	}
	var widthSmooth, widthNoisy float64
	for i := range 24 {
		id := fmt.Sprintf("S%d", i)
		last := 2010 + i%5 - 1 // the last year of the series
		rs := rows[id]
		if len(rs) != 3 {
			t.Fatalf("%s: %d rows, want 3", id, len(rs))
		}
		for k, r := range rs {
			if r.method != "auto" || r.horizon != k+1 || r.year != last-2+k {
				t.Errorf("%s row %d: method %s horizon %d year %d, want auto %d %d", id, k, r.method, r.horizon, r.year, k+1, last-2+k)
			}
			if !(r.lo95 <= r.lo80 && r.lo80 <= r.mean && r.mean <= r.hi80 && r.hi80 <= r.hi95 && r.lo95 > 0) {
				t.Errorf("%s %d: intervals not nested around the mean: %+v", id, r.year, r)
			}
		}
		w := (rs[2].hi80 - rs[2].lo80) / rs[2].mean
		if i%2 == 0 {
			widthSmooth += w / 12
		} else {
			widthNoisy += w / 12
		}
	}
	if !(widthSmooth < widthNoisy/3) {
		t.Errorf("mean relative 80%% width 3 years out: smooth %.3f, noisy %.3f; want the smooth series' far narrower", widthSmooth, widthNoisy)
	}
}

// --check-probabilities counts the outcomes below each quantile of the
// predictive distribution: those of 10% and 90% are the 80% interval's ends
// in the forecasts file, so the counts can be checked against it.
func TestBacktestChecksProbabilitiesAgainstTheHeldOutYears(t *testing.T) {
	in := writeLong(t)
	out := filepath.Join(t.TempDir(), "fc.csv")
	code, stdout, stderr := run(t, "backtest", "--input", in, "--horizon", "3", "--out", out, "--check-probabilities")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "Probabilities against the 72 held-out figures of 24 series") {
		t.Fatalf("stdout %q: want the 24 series' 3 held-out years counted", stdout)
	}
	series, err := benchfile.ReadLongFile(in)
	if err != nil {
		t.Fatal(err)
	}
	fc := readForecasts(t, out)
	var belowLo80, belowHi80 int
	for _, s := range series {
		for k, r := range fc[s.ID] {
			y := s.Values[len(s.Values)-3+k]
			if y < r.lo80 {
				belowLo80++
			}
			if y < r.hi80 {
				belowHi80++
			}
		}
	}
	m := regexp.MustCompile(`outcomes below((?:\s+[0-9.]+%){9})`).FindStringSubmatch(stdout)
	if m == nil {
		t.Fatalf("stdout %q: want the share of outcomes below each of 9 quantiles", stdout)
	}
	shares := strings.Fields(m[1])
	pct := func(i int) float64 {
		v, err := strconv.ParseFloat(strings.TrimSuffix(shares[i], "%"), 64)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	for i := 1; i < len(shares); i++ {
		if pct(i) < pct(i-1) {
			t.Errorf("shares below the quantiles %v: want them non-decreasing", shares)
		}
	}
	// PITLevels: 1, 5, 10, 25, 50, 75, 90, 95, 99%.
	if want := fmt.Sprintf("%.1f%%", 100*float64(belowLo80)/72); shares[2] != want {
		t.Errorf("below the 10%% quantile: %s; the forecasts file has %d of 72 below lo80 (%s)", shares[2], belowLo80, want)
	}
	if want := fmt.Sprintf("%.1f%%", 100*float64(belowHi80)/72); shares[6] != want {
		t.Errorf("below the 90%% quantile: %s; the forecasts file has %d of 72 below hi80 (%s)", shares[6], belowHi80, want)
	}

	// Each kind of target's reliability table: its rows add up to the
	// targets its header counts, and so do its targets by status.
	sections := regexp.MustCompile(`(?m)^(level|growth) targets [^\n]*: \d+, \d+ met`).FindAllStringIndex(stdout, -1)
	if len(sections) != 4 {
		t.Fatalf("stdout %q: want the level targets and the three kinds of growth targets", stdout)
	}
	for i, at := range sections {
		end := len(stdout)
		if i+1 < len(sections) {
			end = sections[i+1][0]
		}
		checkReliabilityTable(t, stdout[at[0]:end])
	}
	// Without the flag, nothing of this is printed.
	if _, stdout, _ := run(t, "backtest", "--input", in, "--horizon", "3", "--out", out); strings.Contains(stdout, "held-out figures of") {
		t.Errorf("without --check-probabilities: %q", stdout)
	}
}

// checkReliabilityTable checks one target kind's section of the
// --check-probabilities output.
func checkReliabilityTable(t *testing.T, section string) {
	t.Helper()
	head := regexp.MustCompile(`^[^\n]*: (\d+), (\d+) met`).FindStringSubmatch(section)
	var set, met int
	for _, row := range regexp.MustCompile(`(?m)^\s+[0-9.]+–[0-9.]+%\s+(\d+)\s+[0-9.]+%\s+(\d+)\s+([0-9.]+)%$`).FindAllStringSubmatch(section, -1) {
		n, _ := strconv.Atoi(row[1])
		k, _ := strconv.Atoi(row[2])
		share, _ := strconv.ParseFloat(row[3], 64)
		if math.Abs(share-100*float64(k)/float64(n)) > 0.05 {
			t.Errorf("row %q: %d of %d met is not %v%%", row[0], k, n, share)
		}
		set += n
		met += k
	}
	if fmt.Sprint(set) != head[1] || fmt.Sprint(met) != head[2] || set == 0 {
		t.Errorf("%s\ntable rows: %d targets, %d met; header says %s, %s", section, set, met, head[1], head[2])
	}
	byStatus := 0
	for _, m := range regexp.MustCompile(`(off_track|at_risk|on_track) (\d+), met \d+ \(`).FindAllStringSubmatch(section, -1) {
		n, _ := strconv.Atoi(m[2])
		byStatus += n
	}
	if fmt.Sprint(byStatus) != head[1] {
		t.Errorf("%s\ntargets by status add up to %d; header says %s", section, byStatus, head[1])
	}
	if !regexp.MustCompile(`Brier score 0\.\d{4}; 0\.\d{4} giving every target the share met: skill -?\d\.\d\d`).MatchString(section) {
		t.Errorf("%q: want the Brier score and its reference", section)
	}
}

func TestBacktestMethodFlagAndUsageErrors(t *testing.T) {
	in := writeLong(t)
	out := filepath.Join(t.TempDir(), "fc.csv")
	if code, _, stderr := run(t, "backtest", "--input", in, "--horizon", "2", "--out", out, "--method", "theta"); code != 0 {
		t.Fatalf("--method theta: exit %d: %s", code, stderr)
	}
	for id, rs := range readForecasts(t, out) {
		if len(rs) != 2 || rs[0].method != "theta" {
			t.Errorf("%s: %+v, want two rows of method theta", id, rs)
		}
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--input", in, "--out", out, "--method", "nope"}, `unknown method "nope"`},
		{[]string{"--input", in}, "--input and --out are required"},
		{[]string{"--input", in, "--out", out, "--horizon", "0"}, "--horizon must be between 1"},
		{[]string{"--input", filepath.Join(t.TempDir(), "missing.csv"), "--out", out}, "missing.csv"},
	} {
		code, _, stderr := run(t, append([]string{"backtest"}, c.args...)...)
		if code == 0 || !strings.Contains(stderr, c.want) {
			t.Errorf("backtest %v: exit %d, stderr %q; want an error containing %q", c.args, code, stderr, c.want)
		}
	}
}

// Every error of backtest says "plancast backtest: " once, then what went
// wrong and with which file: the command's own "backtest: " in front of an
// error that already names its file read "plancast backtest: backtest:
// open ...", and a write error named the file twice.
func TestBacktestErrorsSayTheirPrefixOnce(t *testing.T) {
	in := writeLong(t)
	dir := t.TempDir()
	notBench := filepath.Join(dir, "figures.csv")
	badCal := filepath.Join(dir, "cal.json")
	for path, text := range map[string]string{notBench: "region,indicator,year,value\nhouma,gdp,2020,120.8\n", badCal: "{}"} {
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(dir, "fc.csv")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--input", filepath.Join(dir, "missing.csv"), "--out", out},
			"open " + filepath.Join(dir, "missing.csv") + ": no such file or directory"},
		{[]string{"--input", notBench, "--out", out},
			"read " + notBench + `: header "region,indicator,year,value" needs series_id, value and timestamp`},
		{[]string{"--input", in, "--out", out, "--calibration", filepath.Join(dir, "missing.json")},
			"open " + filepath.Join(dir, "missing.json") + ": no such file or directory"},
		{[]string{"--input", in, "--out", out, "--calibration", badCal},
			badCal + ": decode calibration: the table is incomplete"},
		{[]string{"--input", in, "--out", filepath.Join(dir, "no", "fc.csv"), "--horizon", "2"},
			"open " + filepath.Join(dir, "no", "fc.csv") + ": no such file or directory"},
		{[]string{"--input", in, "--out", "/dev/full", "--horizon", "2"},
			"write /dev/full: no space left on device"},
	} {
		code, _, stderr := run(t, append([]string{"backtest"}, c.args...)...)
		if lines := strings.Split(strings.TrimSpace(stderr), "\n"); code != 1 || lines[len(lines)-1] != "plancast backtest: "+c.want {
			t.Errorf("backtest %v: exit %d, stderr %q; want it to end with %q", c.args, code, stderr, "plancast backtest: "+c.want)
		}
	}
}

// scoreM3 scores a forecasts file against the held-out years of a long file
// with the M4 definitions of ../shared/bench/score.py: sMAPE = mean of
// 200|y − f|/(|y| + |f|); MASE = mean |y − f| over the training years' mean
// absolute change, averaged per series; coverage = share of years inside.
func scoreM3(t *testing.T, series []benchfile.Series, fc map[string][]forecastRow, h int) (smape, mase, cov80, cov95 float64) {
	t.Helper()
	var n float64
	for _, s := range series {
		rs := fc[s.ID]
		if len(rs) != h {
			t.Fatalf("%s: %d forecasts, want %d", s.ID, len(rs), h)
		}
		train, test := s.Values[:len(s.Values)-h], s.Values[len(s.Values)-h:]
		scale := 0.0
		for i := 1; i < len(train); i++ {
			scale += math.Abs(train[i]-train[i-1]) / float64(len(train)-1)
		}
		var sm, ms float64
		for k, y := range test {
			r := rs[k]
			sm += 200 * math.Abs(y-r.mean) / (math.Abs(y) + math.Abs(r.mean)) / float64(h)
			ms += math.Abs(y-r.mean) / scale / float64(h)
			if r.lo80 <= y && y <= r.hi80 {
				cov80++
			}
			if r.lo95 <= y && y <= r.hi95 {
				cov95++
			}
		}
		smape += sm
		mase += ms
		n++
	}
	return smape / n, mase / n, cov80 / (n * float64(h)), cov95 / (n * float64(h))
}

// The acceptance figures of the forecast engine that it meets, kept from
// regressing (BENCHMARKS.md has the ones it does not: MASE and 80% coverage
// on the full file).
func TestBacktestOnM3MeetsItsAcceptanceFigures(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "bench", "m3-yearly")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("benchmark data not beside the repository (%v)", err)
	}
	for _, c := range []struct {
		file              string
		maxSMAPE, maxMASE float64
		check80           bool
	}{
		{"series-short.csv", 17.5, 2.60, true},
		{"series.csv", 16.0, math.Inf(1), false},
	} {
		out := filepath.Join(t.TempDir(), "fc.csv")
		if code, _, stderr := run(t, "backtest", "--input", filepath.Join(dir, c.file), "--horizon", "6", "--out", out); code != 0 {
			t.Fatalf("%s: exit %d: %s", c.file, code, stderr)
		}
		series, err := benchfile.ReadLongFile(filepath.Join(dir, c.file))
		if err != nil {
			t.Fatal(err)
		}
		smape, mase, cov80, cov95 := scoreM3(t, series, readForecasts(t, out), 6)
		t.Logf("%s: sMAPE %.3f, MASE %.3f, coverage %.3f / %.3f", c.file, smape, mase, cov80, cov95)
		if smape >= c.maxSMAPE || mase >= c.maxMASE {
			t.Errorf("%s: sMAPE %.3f, MASE %.3f; want below %v and %v", c.file, smape, mase, c.maxSMAPE, c.maxMASE)
		}
		if c.check80 && (cov80 < 0.77 || cov80 > 0.83) {
			t.Errorf("%s: 80%% coverage %.3f, want 0.77–0.83", c.file, cov80)
		}
		if cov95 < 0.92 || cov95 > 0.97 {
			t.Errorf("%s: 95%% coverage %.3f, want 0.92–0.97", c.file, cov95)
		}
	}
}

// A horizon every series is too short for forecasts nothing: the command
// fails saying why and writes no file. (Some too short: they are skipped,
// counted, and the rest written, as TestBacktestForecastsEveryHeldOutYearWithNestedIntervals shows.)
func TestBacktestFailsWhenNoSeriesCanBeForecast(t *testing.T) {
	in := writeLong(t) // 10 to 14 years a series
	out := filepath.Join(t.TempDir(), "fc.csv")
	code, _, stderr := run(t, "backtest", "--input", in, "--horizon", "20", "--out", out)
	if code != 1 || !strings.Contains(stderr, "none of the 25 series could be forecast with --horizon 20") || !strings.Contains(stderr, "fewer than two to fit after holding out 20") {
		t.Errorf("--horizon 20: exit %d, stderr %q; want exit 1 saying no series could be forecast and why", code, stderr)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("--horizon 20 wrote %s (%v); want no file", out, err)
	}
}

// An --out that cannot be created is said at once, naming it, before the
// input is read and a single series forecast (on a big file that takes
// minutes, and the error used to come after them): stderr holds the error
// alone, without the pooled volatility or the progress the forecasting
// prints, and nothing is left behind.
func TestBacktestSaysAnOutThatCannotBeCreatedBeforeForecasting(t *testing.T) {
	in := writeLong(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "file")
	if err := os.WriteFile(file, []byte("a file, not a directory\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct{ out, want string }{
		{filepath.Join(dir, "no", "fc.csv"), "open " + filepath.Join(dir, "no", "fc.csv") + ": no such file or directory"},
		{dir, "open " + dir + ": is a directory"},
		{filepath.Join(file, "fc.csv"), "open " + filepath.Join(file, "fc.csv") + ": not a directory"},
	}
	if os.Geteuid() != 0 { // root writes where the mode says it may not
		readOnly := filepath.Join(dir, "read-only")
		if err := os.Mkdir(readOnly, 0o555); err != nil {
			t.Fatal(err)
		}
		cases = append(cases, struct{ out, want string }{filepath.Join(readOnly, "fc.csv"), "open " + filepath.Join(readOnly, "fc.csv") + ": permission denied"})
	}
	for _, c := range cases {
		code, stdout, stderr := run(t, "backtest", "--input", in, "--horizon", "3", "--out", c.out)
		if want := "plancast backtest: " + c.want + "\n"; code != 1 || stderr != want || stdout != "" {
			t.Errorf("--out %s: exit %d, stdout %q, stderr %q; want exit 1 and only %q", c.out, code, stdout, stderr, want)
		}
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.Name() != "file" && e.Name() != "read-only" {
			t.Errorf("left behind in %s: %s", dir, e.Name())
		}
	}
}

// The forecasts appear at --out whole or not at all: they are written to a
// file beside it and renamed into place when complete, so a run that fails
// leaves --out as it was (an earlier file there intact), and one that
// succeeds leaves nothing else in the directory.
func TestBacktestOutputAppearsWholeOrNotAtAll(t *testing.T) {
	in := writeLong(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "fc.csv")
	if err := os.WriteFile(out, []byte("the run before's forecasts\n"), 0o640); err != nil {
		t.Fatal(err)
	}
	// No series has 21 years: none can be forecast, and nothing is written.
	if code, _, stderr := run(t, "backtest", "--input", in, "--horizon", "20", "--out", out); code != 1 || !strings.Contains(stderr, out+" not written") {
		t.Fatalf("--horizon 20: exit %d, stderr %q; want a failure saying %s is not written", code, stderr, out)
	}
	if b, _ := os.ReadFile(out); string(b) != "the run before's forecasts\n" {
		t.Errorf("after a failed run %s holds %q, want the earlier file intact", out, b)
	}
	if code, _, stderr := run(t, "backtest", "--input", in, "--horizon", "3", "--out", out); code != 0 {
		t.Fatalf("backtest: exit %d: %s", code, stderr)
	}
	if rows := readForecasts(t, out); len(rows) != 24 {
		t.Errorf("%s holds the forecasts of %d series, want 24", out, len(rows))
	}
	if info, err := os.Stat(out); err != nil || info.Mode().Perm() != 0o640 {
		t.Errorf("%s replaced: %v %v, want the mode it had, -rw-r-----", out, info.Mode(), err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("%s holds %d entries after the runs, want fc.csv alone: %v", dir, len(entries), entries)
	}
}

// outFile, as backtest uses it: a write given up leaves nothing, an
// existing file stays until the new one is committed whole, a link is
// written through, and a device is written in place.
func TestAnOutFileAppearsWholeOrNotAtAll(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "fc.csv")
	o, err := createOut(path)
	if err != nil {
		t.Fatal(err)
	}
	o.Write([]byte("half a file"))
	o.Abort()
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("after Abort %s holds %v, want nothing", dir, entries)
	}

	if err := os.WriteFile(path, []byte("old\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(t.TempDir(), "link.csv")
	if err := os.Symlink(path, link); err != nil {
		t.Fatal(err)
	}
	if o, err = createOut(link); err != nil {
		t.Fatal(err)
	}
	o.Write([]byte("new\n"))
	if b, _ := os.ReadFile(path); string(b) != "old\n" {
		t.Errorf("before Commit %s holds %q, want the old file", path, b)
	}
	if err := o.Commit(); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "new\n" {
		t.Errorf("after Commit through a link %s holds %q, want the new file", path, b)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("%s after Commit: %v %v, want it still a link", link, info.Mode(), err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("after Commit %s holds %v, want fc.csv alone", dir, entries)
	}

	if o, err = createOut(os.DevNull); err != nil {
		t.Fatal(err)
	}
	if _, err := o.Write([]byte("gone\n")); err != nil {
		t.Fatal(err)
	}
	if err := o.Commit(); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Stat(os.DevNull); err != nil || info.Mode().IsRegular() {
		t.Errorf("%s after Commit: %v %v, want the device still", os.DevNull, info.Mode(), err)
	}
}

// partFiles lists the part files of fc.csv in dir.
func partFiles(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var parts []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".fc.csv.part-") {
			parts = append(parts, e.Name())
		}
	}
	return parts
}

// waitForPart waits until dir holds a part file of fc.csv named with p's
// PID and returns the part files it holds then.
func waitForPart(t *testing.T, dir string, p *proc) (mine string, all []string) {
	t.Helper()
	pid := fmt.Sprintf("-%d-", p.cmd.Process.Pid)
	deadline := time.Now().Add(time.Minute)
	for {
		all = partFiles(t, dir)
		for _, name := range all {
			if strings.Contains(name, pid) {
				return name, all
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s holds part files %v, none named with PID %d; the child printed %q", dir, all, p.cmd.Process.Pid, p.Output())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// A backtest killed outright (SIGKILL) removes nothing and leaves its part
// file beside --out, named with its PID. The next run for the same --out
// removes it, since that process is gone, and a run after that leaves the
// part file of the one still running. The children read their input from
// a named pipe that is never opened for writing, so each stays alive, its
// part file created, until it is killed.
func TestAKilledBacktestsPartFileIsRemovedByTheNextRun(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "fc.csv")
	fifo := filepath.Join(t.TempDir(), "input.csv")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	args := []string{"backtest", "--input", fifo, "--horizon", "3", "--out", out}

	killed := startPlancast(t, args...)
	stale, _ := waitForPart(t, dir, killed)
	killed.kill() // SIGKILL, and waited for: no zombie is left to look alive
	if parts := partFiles(t, dir); len(parts) != 1 || parts[0] != stale {
		t.Fatalf("after SIGKILL %s holds part files %v, want the killed one's %s", dir, parts, stale)
	}

	live := startPlancast(t, args...)
	if livePart, parts := waitForPart(t, dir, live); len(parts) != 1 {
		t.Errorf("with the next run started %s holds part files %v, want its own %s alone (the killed one's %s removed)", dir, parts, livePart, stale)
	} else {
		if code, _, stderr := run(t, "backtest", "--input", writeLong(t), "--horizon", "3", "--out", out); code != 0 {
			t.Fatalf("backtest: exit %d: %s", code, stderr)
		}
		if rows := readForecasts(t, out); len(rows) != 24 {
			t.Errorf("%s holds the forecasts of %d series, want 24", out, len(rows))
		}
		if parts := partFiles(t, dir); len(parts) != 1 || parts[0] != livePart {
			t.Errorf("after a run beside a running backtest %s holds part files %v, want the running one's %s", dir, parts, livePart)
		}
	}
	live.kill()
}
