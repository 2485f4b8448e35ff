package main

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// plancast forecast prints the series' last years, the projection with its
// intervals and, under it, the assessment of every target: for Houma's GDP
// (two figures, 88.9 in 2015 and 120.8 in 2020) the 250 亿元 target of the
// 14th Five-Year Plan needs 15.7% a year and is off track.
func TestForecastCommandPrintsTheProjectionAndTheTargets(t *testing.T) {
	dir := seededDir(t)
	stdout := mustRun(t, "forecast", "--data-dir", dir, "--region", "houma", "--indicator", "gdp")
	lines := strings.Split(stdout, "\n")
	if lines[0] != "houma / gdp (100 million yuan), method auto" {
		t.Errorf("header %q", lines[0])
	}
	if lines[1] != "the mean of naive, drift_robust, drift_shrunk, drift_linear (2 observed years)" {
		t.Errorf("models line %q", lines[1])
	}
	rows := map[string][]string{}
	for _, l := range lines {
		if f := strings.Fields(l); len(f) > 0 {
			rows[f[0]] = f
		}
	}
	if f := rows["2015"]; len(f) != 2 || f[1] != "88.9" {
		t.Errorf("2015 row %v", f)
	}
	if f := rows["2020"]; len(f) != 2 || f[1] != "120.8" {
		t.Errorf("2020 row %v", f)
	}
	for year := 2021; year <= 2025; year++ {
		f := rows[strconv.Itoa(year)]
		if len(f) != 6 {
			t.Fatalf("%d row %v, want year, mean and four bounds", year, f)
		}
		var v [5]float64
		for i := range v {
			var err error
			if v[i], err = strconv.ParseFloat(f[i+1], 64); err != nil {
				t.Fatalf("%d row %v: %v", year, f, err)
			}
		}
		mean, lo80, hi80, lo95, hi95 := v[0], v[1], v[2], v[3], v[4]
		if !(lo95 < lo80 && lo80 < mean && mean < hi80 && hi80 < hi95) {
			t.Errorf("%d: mean %g, 80%% [%g, %g], 95%% [%g, %g] not nested", year, mean, lo80, hi80, lo95, hi95)
		}
	}
	target := rows["14th-fyp"]
	if len(target) < 9 || target[1] != "level" || target[2] != "2025" || target[3] != "250" || target[len(target)-1] != "off_track" {
		t.Fatalf("14th-FYP row %v", target)
	}
	needs := target[len(target)-4]
	if g, err := strconv.ParseFloat(strings.TrimSuffix(needs, "%"), 64); err != nil || g < 15.4 || g > 15.9 {
		t.Errorf("needs %s a year, want about 15.6%%", needs)
	}
	pMeet := target[len(target)-3]
	if p, err := strconv.ParseFloat(strings.TrimSuffix(pMeet, "%"), 64); err != nil || p >= 5 {
		t.Errorf("P(meet) %s, want below 5%%", pMeet)
	}
	// The 2021 target is growth of 8.5%: the target and its projection are
	// growth rates, printed as percentages.
	growth := rows["2021-annual"]
	if len(growth) < 7 || growth[1] != "growth" || growth[3] != "8.5%" || !strings.HasSuffix(growth[4], "%") ||
		!strings.HasSuffix(growth[5], "%,") || !strings.HasSuffix(growth[6], "%]") {
		t.Errorf("2021 growth row %v, want the target and the projection in percent", growth)
	}
	// Under the table, what the history's pace would take: (120.8/88.9)^(1/5)
	// − 1 = 6.3% a year reaches 250 in 2032 (forecast.Assess's PaceYear).
	if want := "at the 2015–2020 pace (6.3% a year), 14th-fyp's 250 is reached in 2032, 7 years late"; !strings.Contains(stdout, want+"\n") {
		t.Errorf("no line %q in\n%s", want, stdout)
	}
}

func TestPaceLagSaysEarlyOrLate(t *testing.T) {
	for _, c := range []struct {
		pace, year int
		want       string
	}{{2032, 2025, ", 7 years late"}, {2026, 2025, ", a year late"}, {2025, 2025, ", on time"}, {2024, 2025, ", a year early"}, {2022, 2025, ", 3 years early"}} {
		if got := paceLag(c.pace, c.year); got != c.want {
			t.Errorf("paceLag(%d, %d) = %q, want %q", c.pace, c.year, got, c.want)
		}
	}
}

func TestForecastCommandRefusesWhatItCannotForecast(t *testing.T) {
	dir := seededDir(t)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--region", "nowhere", "--indicator", "gdp"}, `region "nowhere" is not in the catalog`},
		// Two figures five years apart: the years between are not data.
		{[]string{"--region", "houma", "--indicator", "gdp", "--method", "damped"}, "needs at least 5 observed years, the series has 2"},
		{[]string{"--region", "houma", "--indicator", "gdp", "--method", "prophet"}, `unknown method "prophet"`},
		// Nothing yearly to project: the answer says what there is instead,
		// and what waits for figures.
		{[]string{"--region", "guyang", "--indicator", "gdp"},
			"guyang/gdp has no yearly figures to project; it has January–November figures for 2009 (plancast history --region guyang --indicator gdp --period jan-nov)"},
		{[]string{"--region", "zizhou", "--indicator", "gdp"},
			"zizhou/gdp has no yearly figures to project; a target waits for them: 2022-annual growth +7% for 2022"},
		{[]string{"--region", "houma", "--indicator", "unemployment_rate"},
			"houma/unemployment_rate has no yearly figures to project; a target waits for them: 2021-annual ceiling ≤ 4.5% for 2021"},
		{[]string{"--region", "houma", "--indicator", "gdp", "--as-of", "2021-01-01"},
			"houma/gdp has no yearly figures to project published on or before 2021-01-01"},
	} {
		code, stdout, stderr := run(t, append([]string{"forecast", "--data-dir", dir}, c.args...)...)
		if code == 0 || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, stderr %q, stdout %q; want an error saying %q", c.args, code, stderr, stdout, c.want)
		}
	}
}

// A code the catalog lacks is answered with the near ones, whichever
// command reads a series: a typo, the words in another order, the Chinese
// name.
func TestAMissedCodeIsAnsweredWithTheNearOnes(t *testing.T) {
	dir := seededDir(t)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"forecast", "--region", "houma", "--indicator", "gpd"}, `indicator "gpd" is not in the catalog; did you mean "gdp"?`},
		{[]string{"forecast", "--region", "侯马", "--indicator", "gdp"}, `region "侯马" is not in the catalog; did you mean "houma"?`},
		{[]string{"chart", "--region", "houma", "--indicator", "disposable_income_urban", "-o", dir + "/c.png"}, `did you mean "urban_disposable_income"?`},
	} {
		code, _, stderr := run(t, append(c.args, "--data-dir", dir)...)
		if code == 0 || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want %q", c.args, code, stderr, c.want)
		}
	}
}

// Figures are printed as stored and projections as precisely as the latest
// figure, never in exponent notation: Houma's urban income of 33,029 yuan
// in 2020 reads "33,029", and its projections are whole yuan.
func TestForecastCommandPrintsLargeFiguresInFull(t *testing.T) {
	stdout := mustRun(t, "forecast", "--data-dir", seededDir(t), "--region", "houma", "--indicator", "urban_disposable_income")
	if strings.Contains(stdout, "e+") {
		t.Errorf("exponent notation in\n%s", stdout)
	}
	rows := 0
	for _, l := range strings.Split(stdout, "\n") {
		f := strings.Fields(l)
		if len(f) == 0 {
			continue
		}
		if f[0] == "2020" && (len(f) != 2 || f[1] != "33,029") {
			t.Errorf("2020 row %v, want the figure 33,029", f)
		}
		if y, err := strconv.Atoi(f[0]); err == nil && y > 2020 {
			rows++
			for _, v := range f[1:] {
				if strings.Contains(v, ".") || len(v) < 5 {
					t.Errorf("%d row %v: want whole yuan with separators", y, f)
				}
			}
		}
	}
	if rows != 5 {
		t.Errorf("%d projected rows, want 5:\n%s", rows, stdout)
	}
}

// --as-of reproduces what the command printed on a date, after the figures
// were revised: the seed's Houma GDP is from the report of 2021-04-20; a
// revision of 2020 and a 2021 figure published later leave that answer as it
// was, and the latest answer moves.
func TestForecastCommandAsOfADateIgnoresLaterRevisions(t *testing.T) {
	dir := seededDir(t)
	asOf := []string{"forecast", "--data-dir", dir, "--region", "houma", "--indicator", "gdp", "--as-of", "2021-04-20"}
	given := mustRun(t, asOf...)
	ingestFiles(t, dir,
		[2]string{"revision.csv", "region,indicator,year,value,published\nhouma,gdp,2020,124.2,2021-09-01\nhouma,gdp,2021,137.5,2022-03-01\n"},
		// a mid-term review lowers the 2025 target
		[2]string{"review.csv", "region,indicator,plan,kind,base_year,year,value,published\nhouma,gdp,14th-fyp,level,2020,2025,230,2023-06-01\n"})
	code, again, stderr := run(t, asOf...)
	if code != 0 || again != given {
		t.Fatalf("as of 2021-04-20 after the revision (exit %d, %s):\n%s\nwant what it printed before:\n%s", code, stderr, again, given)
	}
	if !strings.Contains(given, "figures and targets as of 2021-04-20") || !strings.Contains(given, "120.8") || !strings.Contains(given, "15.7%") || !strings.Contains(given, "250") {
		t.Errorf("as of 2021-04-20:\n%s\nwant the date, 2020 = 120.8 and 15.7%% a year needed", given)
	}
	_, latest, _ := run(t, "forecast", "--data-dir", dir, "--region", "houma", "--indicator", "gdp")
	if latest == given || !strings.Contains(latest, "137.5") || !strings.Contains(latest, "230") || strings.Contains(latest, "as of") {
		t.Errorf("latest:\n%s\nwant the 2021 figure 137.5 and the reviewed target 230", latest)
	}
	if code, _, stderr := run(t, "forecast", "--data-dir", dir, "--region", "houma", "--indicator", "gdp", "--as-of", "2021-13-01"); code != 2 || !strings.Contains(stderr, "as-of") {
		t.Errorf("a bad date: exit %d, %q; want a usage error naming the flag", code, stderr)
	}
}

// A target of the year in progress is judged on the year to date: with the
// first half of 2021 60 against 55, Houma's 2021 GDP target (+8.5% at
// comparable prices, which the seed's figures ran 0.97% a year below in
// 2016–2020) is projected at the first half's +9.1% less that gap, 8.0%,
// and the rest of the year needs (120.8·1.085·1.0097 − 60)/(120.8 − 55) − 1
// = +9.9% on the second half of 2020 at current prices, +9.9% less that
// gap, +8.9%, on the stated basis the target is judged on, and the table
// gives both; as of a date before the first half was published, the table
// has no year to date.
func TestForecastCommandJudgesTheYearInProgressOnItsYearToDate(t *testing.T) {
	dir := seededDir(t)
	ingestFiles(t, dir, [2]string{"h1.csv", "region,indicator,year,period,value,status,published\nhouma,gdp,2020,h1,55,final,2021-07-15\nhouma,gdp,2021,h1,60,preliminary,2021-07-15\n"})
	stdout := mustRun(t, "forecast", "--data-dir", dir, "--region", "houma", "--indicator", "gdp")
	wantLines(t, stdout,
		"2021 from its first half (60 against 55 a year before, +9.1%): 131.8, 80% ",
		"judged on the year to date",
		// 60 + (120.8 − 55)·60/55 = 131.8
		"2021-annual growth 2021 h1 60 55 +9.1% at least +9.9% at current prices (stated basis +8.9%) on 2020 131.8 [",
		"growth targets are judged on the growth stated with the figures, which ran 1.0% a year below their own growth in 2016–2020",
	)
	if !strings.Contains(strings.Join(lines(stdout), "\n"), "2021-annual growth 2021 8.5% 8.0% [") {
		t.Errorf("the 2021 target is not projected at the first half's growth less the stated gap:\n%s", stdout)
	}
	_, then, _ := run(t, "forecast", "--data-dir", dir, "--region", "houma", "--indicator", "gdp", "--as-of", "2021-07-14")
	if strings.Contains(then, "year to date") || !strings.Contains(then, "2021-annual") {
		t.Errorf("as of 2021-07-14:\n%s\nwant the 2021 target without the first half", then)
	}
}

// A year whose figure states its growth is judged as stated: Houma's 2021
// figures up 8.9% (131.5 on 120.8) with a stated growth of 8.1% miss the
// target of 8.5%.
func TestForecastCommandJudgesAnObservedGrowthAsStated(t *testing.T) {
	dir := seededDir(t)
	ingestFiles(t, dir, [2]string{"2021.csv", "region,indicator,year,value,growth,published\nhouma,gdp,2021,131.5,8.1%,2022-01-20\n"})
	stdout := mustRun(t, "forecast", "--data-dir", dir, "--region", "houma", "--indicator", "gdp")
	if !lines(stdout).has("2021-annual growth 2021 8.5% 8.1% (as stated) - 0% 95% off_track") {
		t.Errorf("the 2021 target is not judged on its stated growth:\n%s", stdout)
	}
}

// --horizon takes 1 to 20 years, as the HTTP route does, 0 no more than -3 (the default, 5, is the
// flag's); an error of the forecast says the command and the series once.
func TestForecastCommandHorizonAndErrorsSayEachThingOnce(t *testing.T) {
	dir := seededDir(t)
	for _, h := range []string{"0", "-3", "21"} {
		code, _, stderr := run(t, "forecast", "--data-dir", dir, "--region", "houma", "--indicator", "gdp", "--horizon", h)
		if code != 2 || stderr != "plancast forecast: --horizon must be between 1 and 20\n" {
			t.Errorf("--horizon %s: exit %d, stderr %q; want a usage error", h, code, stderr)
		}
	}
	if out := mustRun(t, "forecast", "--data-dir", dir, "--region", "houma", "--indicator", "gdp", "--method", "drift"); !strings.Contains(out, "\n  2025 ") || strings.Contains(out, "\n  2026 ") {
		t.Errorf("without --horizon: want 5 years projected after 2020:\n%s", out)
	}
	code, _, stderr := run(t, "forecast", "--data-dir", dir, "--region", "houma", "--indicator", "gdp", "--method", "damped")
	if want := "plancast forecast: houma/gdp: method damped needs at least 5 observed years, the series has 2\n"; code != 1 || stderr != want {
		t.Errorf("damped on two years: exit %d, stderr %q; want %q", code, stderr, want)
	}
}

// Judged today on figures up to 2020, Houma's targets are judgements of
// projected years that have ended: the command says so under them. As of
// the report's day nothing had ended unstored.
func TestForecastCommandSaysWhichEndedYearsItProjects(t *testing.T) {
	dir := seededDir(t)
	stdout := mustRun(t, "forecast", "--data-dir", dir, "--region", "houma", "--indicator", "gdp")
	want := fmt.Sprintf("no figures are stored for 2021–%d, which have ended: the judgements above project them", min(2025, time.Now().Year()-1))
	if !strings.Contains(stdout, want) {
		t.Errorf("the forecast does not say %q:\n%s", want, stdout)
	}
	stdout = mustRun(t, "forecast", "--data-dir", dir, "--region", "houma", "--indicator", "gdp", "--as-of", "2021-06-01")
	if strings.Contains(stdout, "which have ended") || strings.Contains(stdout, "which has ended") {
		t.Errorf("as of June 2021 nothing had ended unstored:\n%s", stdout)
	}
	stdout = mustRun(t, "forecast", "--data-dir", dir, "--region", "houma", "--indicator", "gdp", "--as-of", "2022-01-05")
	if !strings.Contains(stdout, "no figure is stored for 2021, which has ended: the judgements above project it") {
		t.Errorf("as of January 2022 the forecast does not say 2021 is projected:\n%s", stdout)
	}
}

// A share's target is printed in points: Houma's secondary industry at
// 41.3% of GDP in 2020 against 45% for 2025 needs "+0.7 pt" a year. The
// pace line says the history's pace as the assessment paces it: its
// figures (38.0 to 41.3 in 2016–2020) lie closer to the straight line of
// +0.825 points a year than to their gap to 100 narrowing 1.4% a year,
// and that line stays short of 100, so the pace is in points
// (forecast.pacedInPoints).
func TestForecastCommandSaysAShareTargetInPoints(t *testing.T) {
	dir := seededDir(t)
	ingestFiles(t, dir, [2]string{"share.csv", "region,indicator,year,value\nhouma,secondary_industry_share,2016,38.0\nhouma,secondary_industry_share,2017,38.6\n" +
		"houma,secondary_industry_share,2018,39.5\nhouma,secondary_industry_share,2019,40.4\nhouma,secondary_industry_share,2020,41.3\n"})
	stdout := mustRun(t, "forecast", "--data-dir", dir, "--region", "houma", "--indicator", "secondary_industry_share")
	for _, want := range []string{"+0.7 pt", "at the 2016–2020 pace (+0.8 points a year), 14th-fyp's 45 is reached in 2025"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("the forecast does not say %q:\n%s", want, stdout)
		}
	}
}

// Figures whose stated growth runs level with their own, to the 0.1% a
// year the line is written in, are said to: "ran 0.0% a year above" would
// name a side the figures do not show.
func TestForecastCommandSaysAStatedGrowthLevelWithTheFigures(t *testing.T) {
	dir := catalogDir(t)
	ingestFiles(t, dir,
		[2]string{"gdp.csv", "region,indicator,year,value,growth,published\n" +
			"houma,gdp,2015,100,,2016-02-01\nhouma,gdp,2016,106,6.0%,2017-02-01\nhouma,gdp,2017,112.36,6.0%,2018-02-01\n" +
			"houma,gdp,2018,119.1,6.0%,2019-02-01\nhouma,gdp,2019,126.25,6.0%,2020-02-01\nhouma,gdp,2020,133.82,6.0%,2021-02-01\n"},
		[2]string{"target.csv", "region,indicator,plan,kind,year,value,published\nhouma,gdp,2021-annual,growth,2021,6.5,2021-02-01\n"})
	stdout := mustRun(t, "forecast", "--data-dir", dir, "--region", "houma", "--indicator", "gdp")
	wantLines(t, stdout, "growth targets are judged on the growth stated with the figures, which ran level with their own growth in 2016–2020")
	if strings.Contains(stdout, "0.0% a year") {
		t.Errorf("the level gap is still given a side:\n%s", stdout)
	}
}

// A gap measured over one year is said as that year: figures of 2018–2020
// of which only 2020's states its growth give the line "in 2020", as the
// chart's source line does, not "in 2020–2020".
func TestForecastCommandSaysAStatedGapOfOneYearAsThatYear(t *testing.T) {
	dir := catalogDir(t)
	ingestFiles(t, dir,
		[2]string{"gdp.csv", "region,indicator,year,value,growth,published\n" +
			"houma,gdp,2018,100,,2019-03-20\nhouma,gdp,2019,108,,2020-03-20\nhouma,gdp,2020,118,4.0%,2021-03-20\n"},
		[2]string{"target.csv", "region,indicator,plan,kind,year,value,published\nhouma,gdp,2021-annual,growth,2021,6,2021-04-01\n"})
	stdout := mustRun(t, "forecast", "--data-dir", dir, "--region", "houma", "--indicator", "gdp", "--as-of", "2021-05-01")
	wantLines(t, stdout, "growth targets are judged on the growth stated with the figures, which ran 5.1% a year below their own growth in 2020")
	if strings.Contains(stdout, "2020–2020") {
		t.Errorf("one year is written as a span:\n%s", stdout)
	}
}

// A growth target projected from a base year without a figure says that its
// base is interpolated, as one whose target year has a figure does: Gap
// City's figures of 2018 and 2021 put 2020 at 612.1, from which the 14th
// Five-Year Plan's +6% a year is judged.
func TestForecastCommandSaysAGrowthsBaseIsInterpolated(t *testing.T) {
	dir := catalogDir(t)
	ingestFiles(t, dir,
		[2]string{"gdp.csv", "region,indicator,year,value,published\n" +
			"houma,gdp,2016,500,2017-03-20\nhouma,gdp,2018,560,2019-03-20\nhouma,gdp,2021,640,2022-03-20\nhouma,gdp,2024,720,2025-03-20\n"},
		[2]string{"target.csv", "region,indicator,plan,kind,base_year,year,value,published\nhouma,gdp,14th-fyp,avg_growth,2020,2025,6,2021-04-01\n"})
	stdout := mustRun(t, "forecast", "--data-dir", dir, "--region", "houma", "--indicator", "gdp", "--as-of", "2025-06-01")
	row := ""
	for _, l := range lines(stdout) {
		if strings.HasPrefix(l, "14th-fyp avg_growth 2025 6% ") {
			row = l
		}
	}
	if !strings.Contains(row, "(base interpolated 2018–2021) 13.8% ") {
		t.Errorf("the 14th-FYP row does not say its base is interpolated:\n%s", stdout)
	}
}

// An observed miss shows in the table: GDP up 8.46% is not "8.5%
// (observed)" beside a target of 8.5% and off_track.
func TestForecastCommandWritesAnObservedMissApartFromItsTarget(t *testing.T) {
	dir := catalogDir(t)
	ingestFiles(t, dir,
		[2]string{"gdp.csv", "region,indicator,year,value,published\nhouma,gdp,2021,95,2022-02-01\nhouma,gdp,2022,100,2023-02-01\nhouma,gdp,2023,108.46,2024-02-01\n"},
		[2]string{"target.csv", "region,indicator,plan,kind,year,value,published\nhouma,gdp,2023-annual,growth,2023,8.5,2023-02-01\nhouma,gdp,2023-annual,level,2023,108.5,2023-02-01\n"})
	stdout := mustRun(t, "forecast", "--data-dir", dir, "--region", "houma", "--indicator", "gdp")
	wantLines(t, stdout, "2023-annual growth 2023 8.5% 8.46% (observed)", "2023-annual level 2023 108.5 108.46 (observed)")
}

// A target that cannot be judged keeps its row, its value written as the
// others', and its reason goes under the table, said once: an average
// growth from 2020 on a series whose figures begin in 2021.
func TestForecastCommandSaysWhyATargetIsNotAssessedUnderTheTable(t *testing.T) {
	dir := catalogDir(t)
	ingestFiles(t, dir,
		[2]string{"gdp.csv", "region,indicator,year,value,published\nhouma,gdp,2021,131,2022-02-01\nhouma,gdp,2022,140,2023-02-01\nhouma,gdp,2023,150,2024-02-01\n"},
		[2]string{"target.csv", "region,indicator,plan,kind,base_year,year,value,published\nhouma,gdp,14th-fyp,avg_growth,2020,2025,7,2021-02-01\n"})
	stdout := mustRun(t, "forecast", "--data-dir", dir, "--region", "houma", "--indicator", "gdp")
	wantLines(t, stdout,
		"14th-fyp avg_growth 2025 7% not assessed",
		"14th-fyp avg_growth 2025 is not assessed: base year 2020 is before the first observation (2021)")
	if strings.Contains(stdout, "assess gdp") || strings.Count(stdout, "before the first observation") != 1 {
		t.Errorf("the reason names the target again, or is said more than once:\n%s", stdout)
	}
}

// Progress short of the whole way is never written "100%": beside a missed
// target it read as the progress made.
func TestProgressShortOfTheWholeWayIsNotWrittenAsAll(t *testing.T) {
	for v, want := range map[float64]string{0.2: "20%", 1: "100%", 0.996: "99.6%", 0.99996: "<100%", 1.004: "100%", 2.2: "220%"} {
		if got := share(&v); got != want {
			t.Errorf("share(%v) = %q, want %q", v, got, want)
		}
	}
}

// A linear model chosen by hand on a series falling toward zero runs past
// zero: its point is floored near 0 (a thousandth of the last figure,
// 0.02, written as it is rather than rounded to a 0.0 it never reaches),
// and its intervals still reach from near 0 to above the last figure, 20,
// not "0.0 [0.0, 0.0]".
func TestForecastCommandKeepsALinearDeclinePastZeroUncertain(t *testing.T) {
	dir := catalogDir(t)
	ingestFiles(t, dir, [2]string{"retail.csv", "region,indicator,year,value\nhouma,retail_sales,2016,100\nhouma,retail_sales,2017,80\n" +
		"houma,retail_sales,2018,60\nhouma,retail_sales,2019,40\nhouma,retail_sales,2020,20\n"})
	for method, from := range map[string]int{"drift_linear": 2021, "damped_linear": 2022} {
		stdout := mustRun(t, "forecast", "--data-dir", dir, "--region", "houma", "--indicator", "retail_sales", "--method", method)
		rows := 0
		for _, l := range lines(stdout) {
			f := strings.Fields(l)
			if len(f) != 6 {
				continue
			}
			if y, err := strconv.Atoi(f[0]); err != nil || y < from {
				continue
			}
			rows++
			mean, errMean := strconv.ParseFloat(f[1], 64)
			lo80, errLo := strconv.ParseFloat(f[2], 64)
			hi80, err80 := strconv.ParseFloat(f[3], 64)
			hi95, err95 := strconv.ParseFloat(f[5], 64)
			if errMean != nil || errLo != nil || err80 != nil || err95 != nil || mean <= 0 || mean > 0.02 || lo80 <= 0 || lo80 > mean || hi80 < 20 || hi95 <= hi80 {
				t.Errorf("%s: row %v; want about 0.02 (not 0.0) with intervals from near 0 to above 20", method, f)
			}
		}
		if rows != 2026-from {
			t.Errorf("%s: %d projected rows from %d:\n%s", method, rows, from, stdout)
		}
	}
}

// A series of one figure projects nothing, and still judges the targets
// its figure settles, as the assessment route does: Houma's GDP of 131.5
// in 2021, stated up 8.1%, meets a level of 130 for 2021 and misses a
// growth of 8.5% as stated; the 2025 target waits for a second figure,
// and its row says so with the reason under the table.
func TestForecastCommandJudgesTheTargetsOfOneFigure(t *testing.T) {
	dir := catalogDir(t)
	ingestFiles(t, dir,
		[2]string{"gdp.csv", "region,indicator,year,value,growth,published\nhouma,gdp,2021,131.5,8.1%,2022-01-20\n"},
		[2]string{"targets.csv", "region,indicator,plan,kind,base_year,year,value,published\n" +
			"houma,gdp,2021-annual,growth,,2021,8.5,2021-02-01\nhouma,gdp,2021-annual,level,,2021,130,2021-02-01\n" +
			"houma,gdp,14th-fyp,level,2020,2025,250,2021-02-01\n"})
	code, stdout, stderr := run(t, "forecast", "--data-dir", dir, "--region", "houma", "--indicator", "gdp")
	if code != 0 {
		t.Fatalf("exit %d, stderr %q, stdout:\n%s", code, stderr, stdout)
	}
	wantLines(t, stdout,
		"houma / gdp (100 million yuan)",
		"not projected: need at least two observed years, have 1 (2021)",
		"2021 131.5",
		"2021-annual growth 2021 8.5% 8.1% (as stated) - 0% - off_track",
		"2021-annual level 2021 130 131.5 (observed) - 100% - achieved",
		"14th-fyp level 2025 250 not assessed",
		"14th-fyp level 2025 is not assessed: one observed year (2021); at least two are needed")
}

// The target column quotes a growth target as the plan set it: 6.86% and
// 6.25%, not 6.9% and 6.3% (beside a realised 6.863% the rounded target
// read as missed, and as "+6.25%" on the dashboard); the growth realised or
// projected keeps its one decimal.
func TestForecastCommandQuotesAGrowthTargetAsSet(t *testing.T) {
	dir := catalogDir(t)
	ingestFiles(t, dir,
		[2]string{"retail.csv", "region,indicator,year,value,published\nhouma,retail_sales,2021,38,2022-02-01\nhouma,retail_sales,2022,40.8,2023-02-01\nhouma,retail_sales,2023,43.6,2024-02-01\n"},
		[2]string{"target.csv", "region,indicator,plan,kind,base_year,year,value,published\n" +
			"houma,retail_sales,2023-annual,growth,2022,2023,6.86,2023-01-10\nhouma,retail_sales,2024-annual,growth,2023,2024,6.25,2024-01-10\n"})
	stdout := mustRun(t, "forecast", "--data-dir", dir, "--region", "houma", "--indicator", "retail_sales", "--as-of", "2024-06-01")
	wantLines(t, stdout, "2023-annual growth 2023 6.86% 6.863% (observed) - 100% 100% achieved")
	var row string
	for _, l := range lines(stdout) {
		if strings.HasPrefix(l, "2024-annual growth 2024 ") {
			row = l
		}
	}
	if f := strings.Fields(row); len(f) < 5 || f[3] != "6.25%" || !regexp.MustCompile(`^-?[0-9]+\.[0-9]%$`).MatchString(f[4]) {
		t.Errorf("the 2024 row %q: want the target 6.25%% and its projection to one decimal\n%s", row, stdout)
	}
}

// A rate already on the good side of its level target has no pace line:
// Quwo's unemployment at 3.3 under a 14th-FYP level of 4.5 read ">99%
// on_track" and "at the 2018–2024 pace (1.0% a year), 14th-fyp's 4.5 is
// reached in 2054, 29 years late". One still short of it is paced, as
// every target of a percentage of a whole is, on its gap to the limit it
// lies toward (0) narrowing at the history's rate, where its figures
// follow that path (5.4, 5.19, 5.0 in 2020–2024, not the straight line's
// 5.2): 1.9% a year, which reaches 4.5 in 2030 (in points, −0.1 a year,
// 2029): 4.52 in 2029, which one decimal writes 4.5, is not the 4.5
// P(meet) judges.
func TestForecastCommandPacesOnlyATargetNotMetAndARateOnItsGap(t *testing.T) {
	dir := catalogDir(t)
	ingestFiles(t, dir,
		[2]string{"un.csv", "region,indicator,year,value,published\n" +
			"houma,unemployment_rate,2018,3.1,2019-03-20\nhouma,unemployment_rate,2019,3.0,2020-03-20\nhouma,unemployment_rate,2020,3.6,2021-03-20\n" +
			"houma,unemployment_rate,2021,3.4,2022-03-20\nhouma,unemployment_rate,2022,3.9,2023-03-20\nhouma,unemployment_rate,2023,3.5,2024-03-20\n" +
			"houma,unemployment_rate,2024,3.3,2025-03-20\n" +
			"zizhou,unemployment_rate,2020,5.4,2021-03-20\nzizhou,unemployment_rate,2022,5.19,2023-03-20\nzizhou,unemployment_rate,2024,5.0,2025-03-20\n"},
		[2]string{"target.csv", "region,indicator,plan,kind,year,value,published\n" +
			"houma,unemployment_rate,14th-fyp,level,2025,4.5,2021-03-01\nzizhou,unemployment_rate,14th-fyp,level,2025,4.5,2021-03-01\n"})
	stdout := mustRun(t, "forecast", "--data-dir", dir, "--region", "houma", "--indicator", "unemployment_rate", "--as-of", "2025-06-01")
	if strings.Contains(stdout, "pace") || !lines(stdout).has("14th-fyp level 2025 4.5 3.27 ") {
		t.Errorf("a rate under its level target is paced, or not judged:\n%s", stdout)
	}
	stdout = mustRun(t, "forecast", "--data-dir", dir, "--region", "zizhou", "--indicator", "unemployment_rate", "--as-of", "2025-06-01")
	wantLines(t, stdout, "at the 2020–2024 pace (the gap to 0 narrowing 1.9% a year), 14th-fyp's 4.5 is reached in 2030, 5 years late")
}

// A share target of exactly 100, which the logit scale never projects, is
// judged where a figure of the series' two decimals reads 100, 99.995: the
// command says so under the table and paces the gap to 100, which narrowed
// from 1 to 0.05 in 2020–2024 (52.7% a year) and reads 100 in 2028. It was
// "0% off_track" beside "at the 2020–2024 pace (+0.2 points a year),
// 14th-fyp's 100 is reached in 2025, on time".
func TestForecastCommandJudgesAShareOf100WhereAFigureReads100(t *testing.T) {
	dir := catalogDir(t)
	ingestFiles(t, dir, [2]string{"share100.json", `{"indicators":[{"code":"garbage_treatment_share","name":"Rural garbage treatment coverage","unit":"percent","kind":"rate","better":"higher"}],
"observations":[
{"region":"houma","indicator":"garbage_treatment_share","year":2020,"value":99.0,"published":"2021-03-20"},
{"region":"houma","indicator":"garbage_treatment_share","year":2021,"value":99.5,"published":"2022-03-20"},
{"region":"houma","indicator":"garbage_treatment_share","year":2022,"value":99.8,"published":"2023-03-20"},
{"region":"houma","indicator":"garbage_treatment_share","year":2023,"value":99.9,"published":"2024-03-20"},
{"region":"houma","indicator":"garbage_treatment_share","year":2024,"value":99.95,"published":"2025-03-20"}],
"targets":[{"region":"houma","indicator":"garbage_treatment_share","plan":"14th-fyp","kind":"share","year":2025,"value":100,"binding":true,"published":"2021-03-10"}]}`})
	stdout := mustRun(t, "forecast", "--data-dir", dir, "--region", "houma", "--indicator", "garbage_treatment_share", "--as-of", "2025-06-01")
	wantLines(t, stdout,
		"14th-fyp share 2025 100 99.97 [99.92, 99.99] +0.05 pt 1% 97% off_track",
		"14th-fyp's 100 is met from 99.995 up, which figures of two decimals write as 100",
		"at the 2020–2024 pace (the gap to 100 narrowing 52.7% a year), 14th-fyp's 100 is reached in 2028, 3 years late")
	if strings.Contains(stdout, " 0% ") || strings.Contains(stdout, "reached in 2025") {
		t.Errorf("the share of 100 is still judged hopeless, or reached on time:\n%s", stdout)
	}
}

// A year to date whose year before's months are made from its stated
// growth (Houma's first half of 2021, 60, "+9.5%", the first half of 2020
// not pushed) is on a year before at current prices: the table writes its
// change so, with the stated growth beside it.
func TestForecastCommandWritesAYearToDateOnMonthsMadeFromItsStatedGrowthAtCurrentPrices(t *testing.T) {
	dir := seededDir(t)
	ingestFiles(t, dir, [2]string{"h1.csv", "region,indicator,year,period,value,growth,status,published\nhouma,gdp,2021,h1,60,9.5%,preliminary,2021-07-15\n"})
	stdout := mustRun(t, "forecast", "--data-dir", dir, "--region", "houma", "--indicator", "gdp")
	if !strings.Contains(strings.Join(lines(stdout), "\n"), "% at current prices (stated +9.5%) at least ") {
		t.Errorf("the first half's change is not written at current prices beside the stated +9.5%%:\n%s", stdout)
	}
}
