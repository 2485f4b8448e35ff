// Package plancast holds the domain of the plancast service: regions,
// indicators, yearly observations with their vintages, plan targets,
// projections and target assessments, the error codes, and the small store
// interfaces that the backends in store/ implement.
//
// It imports only the standard library. Everything else (storage, HTTP,
// forecasting, ingest, charts) lives in its own package and depends on this one.
package plancast

import (
	"math"
	"strings"
	"time"
)

// MinYear and MaxYear bound the years plancast accepts anywhere.
const (
	MinYear = 1900
	MaxYear = 2150
)

// ValidCode reports whether s is a well-formed region or indicator code: a
// lowercase ASCII slug ^[a-z][a-z0-9_-]{0,63}$, safe in URLs, file names and
// InfluxDB tags. (Checked by hand, not by regexp: it runs for every row pushed.)
func ValidCode(s string) bool {
	if len(s) == 0 || len(s) > 64 || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for i := 1; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

// ValidUnit reports whether s has the shape of a unit code, which, unlike
// a region's or an indicator's code (ValidCode), may start with a digit
// ("100m_yuan", "10k_tons"): ^[a-z0-9][a-z0-9_]{0,31}$.
func ValidUnit(s string) bool {
	if len(s) == 0 || len(s) > 32 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' && i > 0) {
			return false
		}
	}
	return true
}

// Region levels.
const (
	LevelProvince   = "province"
	LevelPrefecture = "prefecture"
	LevelCounty     = "county"
)

// Region is an administrative area that reports figures.
type Region struct {
	Code   string `json:"code"`             // lowercase slug, e.g. "houma"
	Name   string `json:"name"`             // English name, e.g. "Houma"
	NameZh string `json:"name_zh"`          // Chinese name, e.g. "侯马市"
	Parent string `json:"parent,omitempty"` // code of the enclosing region, e.g. "linfen"
	Level  string `json:"level"`            // province, prefecture or county
}

// Validate returns an EINVALID error describing the first problem found.
func (r *Region) Validate() error {
	switch {
	case !ValidCode(r.Code):
		return Errorf(EINVALID, "region code %q must be a lowercase slug (a-z, 0-9, _ and -, starting with a letter)", r.Code)
	case r.Name == "" && r.NameZh == "":
		return Errorf(EINVALID, "region %q needs a name or a name_zh", r.Code)
	case r.Parent != "" && !ValidCode(r.Parent):
		return Errorf(EINVALID, "region %q: parent %q is not a valid code", r.Code, r.Parent)
	case r.Level != LevelProvince && r.Level != LevelPrefecture && r.Level != LevelCounty:
		return Errorf(EINVALID, "region %q: level %q must be province, prefecture or county", r.Code, r.Level)
	}
	return nil
}

// Canonical units. Money aggregates are stored in 亿元, per-capita incomes in
// yuan, rates in percent. Other units (tons, persons, 100m_kwh, ...) are allowed
// as codes; Units (units.go) names them and says which convert to which.
const (
	Unit100mYuan = "100m_yuan" // 亿元, 1e8 yuan
	UnitYuan     = "yuan"
	UnitPercent  = "percent"
)

// Indicator kinds and directions.
const (
	KindLevel = "level" // a stock or flow measured in a unit (GDP, income)
	KindRate  = "rate"  // a percentage (unemployment rate, a share)

	BetterHigher = "higher"
	BetterLower  = "lower"
)

// Indicator is a measured quantity such as GDP.
type Indicator struct {
	Code   string `json:"code"`    // e.g. "gdp"
	Name   string `json:"name"`    // e.g. "Gross regional product"
	NameZh string `json:"name_zh"` // e.g. "地区生产总值"
	Unit   string `json:"unit"`    // e.g. "100m_yuan"
	Kind   string `json:"kind"`    // level or rate
	Better string `json:"better"`  // higher or lower
	// OfWhole declares a rate in percent a percentage of a whole, from 0
	// to 100 ("percent_of_whole": true): a treatment rate, a coverage, an
	// urbanization rate (城市污水处理率, 森林覆盖率, 城镇化率), whatever its
	// code. Left out, the code says it (PercentOfWhole).
	OfWhole bool `json:"percent_of_whole,omitempty"`
}

// PercentOfWhole reports whether the indicator is a percentage of a whole,
// which cannot be below 0 or above 100: a rate declared so (OfWhole,
// "percent_of_whole": true: sewage_treatment_rate, forest_coverage,
// urbanization_rate), a share (a rate whose code ends in _share:
// secondary_industry_share, an industry's share of GDP) or an unemployment
// rate (a rate whose code ends in unemployment_rate: the registered
// unemployment_rate, the surveyed_unemployment_rate). Other rates may be
// negative, a change in prices (cpi_change) or a balance: a rate is a
// percentage of a whole when its declaration or its code says so.
func (i Indicator) PercentOfWhole() bool {
	return i.Kind == KindRate && (i.OfWhole || strings.HasSuffix(i.Code, "_share") || strings.HasSuffix(i.Code, "unemployment_rate"))
}

// Normalized is the indicator with OfWhole saying what PercentOfWhole
// does, by its declaration or by its code (secondary_industry_share): as
// the API lists it, and as two declarations are compared, which mean the
// same with or without percent_of_whole on a share.
func (i Indicator) Normalized() Indicator {
	i.OfWhole = i.PercentOfWhole()
	return i
}

// Validate returns an EINVALID error describing the first problem found.
func (i *Indicator) Validate() error {
	switch {
	case !ValidCode(i.Code):
		return Errorf(EINVALID, "indicator code %q must be a lowercase slug", i.Code)
	case i.Name == "" && i.NameZh == "":
		return Errorf(EINVALID, "indicator %q needs a name or a name_zh", i.Code)
	case !ValidUnit(i.Unit):
		return Errorf(EINVALID, "indicator %q: unit %q must be a unit code such as 100m_yuan, yuan or percent", i.Code, i.Unit)
	case i.Kind != KindLevel && i.Kind != KindRate:
		return Errorf(EINVALID, "indicator %q: kind %q must be level or rate", i.Code, i.Kind)
	case i.Better != BetterHigher && i.Better != BetterLower:
		return Errorf(EINVALID, "indicator %q: better %q must be higher or lower", i.Code, i.Better)
	case i.OfWhole && (i.Kind != KindRate || i.Unit != UnitPercent):
		return Errorf(EINVALID, "indicator %q: percent_of_whole is for a rate in percent (kind rate, unit percent), and %s is kind %s in %s: "+
			"leave percent_of_whole out, or declare it kind rate in percent", i.Code, i.Code, i.Kind, i.Unit)
	}
	return nil
}

// Observation statuses.
const (
	StatusFinal       = "final"
	StatusPreliminary = "preliminary"
	StatusEstimate    = "estimate"
	// StatusWithdrawn marks a vintage that withdraws its figure: from that
	// vintage on the figure is not served (it was filed under the wrong year,
	// say), while every earlier vintage stays readable with as_of. A
	// withdrawal carries no value (it is stored as 0). Withdrawing a figure
	// and pushing it under its right year in one batch moves it atomically.
	StatusWithdrawn = "withdrawn"
)

// PeriodYear is the period of a whole-year figure; other periods are partial
// years: "h1", "q1".."q4", or a month range from January such as "jan-nov".
const PeriodYear = "year"

// Periods lists the known period codes: the whole year, the halves, the
// quarters and the month ranges from January. The one list: ValidPeriod
// takes these, and a misspelt period is offered the nearest of them.
var Periods = []string{PeriodYear, "h1", "h2", "q1", "q2", "q3", "q4",
	"jan-feb", "jan-mar", "jan-apr", "jan-may", "jan-jun",
	"jan-jul", "jan-aug", "jan-sep", "jan-oct", "jan-nov"}

// periods are the codes of Periods, for ValidPeriod.
var periods = func() map[string]bool {
	m := make(map[string]bool, len(Periods))
	for _, p := range Periods {
		m[p] = true
	}
	return m
}()

// ValidPeriod reports whether p is a known period code (Periods).
func ValidPeriod(p string) bool { return periods[p] }

// Source says where a figure or target came from.
type Source struct {
	Document string `json:"document,omitempty"` // file name or title of the document
	Quote    string `json:"quote,omitempty"`    // the sentence the figure was read from
}

// Observation is one published value of an indicator for a region and year.
//
// The identity of a figure is SeriesKey plus Year; each push of a changed value
// for the same identity is a new vintage. Published is the vintage date and
// Recorded breaks ties between vintages published on the same day.
type Observation struct {
	Region    string    `json:"region"`
	Indicator string    `json:"indicator"`
	Year      int       `json:"year"`
	Value     float64   `json:"value"`
	Status    string    `json:"status"`
	Period    string    `json:"period"`
	Source    Source    `json:"source"`
	Published Date      `json:"published"`
	Recorded  time.Time `json:"recorded,omitzero"` // set by the store when the vintage was written

	// Growth is the growth in percent the source states with the figure
	// (17.1 means +17.1%), nil when it states none: over GrowthBaseYear's
	// figure of the same period, annual average when that is more than a year
	// back. Chinese statistics state GDP and value added at comparable
	// prices while their levels are at current prices, so the stated growth
	// is the one growth targets are set on, and it differs from the growth of
	// the stored levels by the year's inflation (see StatedGrowth).
	Growth *float64 `json:"growth,omitempty"`
	// GrowthBaseYear is the year Growth is measured from; 0 means Year−1
	// (year on year). Use GrowthBase to read it.
	GrowthBaseYear int `json:"growth_base_year,omitempty"`
}

// StatedGrowth is a growth a source states with a figure: Percent a year
// (17.1 means +17.1%) over the years (BaseYear, Year], compounded.
type StatedGrowth struct {
	BaseYear, Year int
	Percent        float64
	// Level and BaseLevel are the levels of Year and BaseYear as they
	// stood when the growth was stated (StatedGrowthsOf): the pair its gap
	// to the levels' growth is measured on. Zero: the series' own.
	Level, BaseLevel float64
	// Published is the date of the figure that stated it; Earlier, that
	// the year's figure has been revised since without stating its growth
	// again (the growth is of an earlier vintage than the figure served).
	Published Date
	Earlier   bool
}

// MaxGrowthSpan is how many years a stated average growth may span: a
// Five-Year Plan's review states five, and a growth "since 1949" is history,
// not a figure to judge a target on.
const MaxGrowthSpan = 30

// GrowthBase is the year o.Growth is measured from: GrowthBaseYear, or
// Year−1 when that is 0.
func (o *Observation) GrowthBase() int {
	if o.GrowthBaseYear != 0 {
		return o.GrowthBaseYear
	}
	return o.Year - 1
}

// Normalize fills defaults: period "year", status "final".
func (o *Observation) Normalize() {
	if o.Period == "" {
		o.Period = PeriodYear
	}
	if o.Status == "" {
		o.Status = StatusFinal
	}
	if o.Status == StatusWithdrawn {
		o.Value = 0
		o.Growth, o.GrowthBaseYear = nil, 0
	}
	if o.GrowthBaseYear == o.Year-1 {
		o.GrowthBaseYear = 0 // one spelling of "year on year"
	}
	o.Source.Document, o.Source.Quote = unixLineBreaks(o.Source.Document), unixLineBreaks(o.Source.Quote)
}

// unixLineBreaks writes each CR LF line break of s as LF. A quote keeps its
// line breaks, but as one character on every store: InfluxDB answers
// queries in CSV, whose readers take a CR LF inside a quoted cell for LF, so a
// CR LF would come back from it, and not from the embedded store, as LF.
func unixLineBreaks(s string) string {
	if !strings.Contains(s, "\r\n") {
		return s
	}
	return strings.ReplaceAll(s, "\r\n", "\n")
}

// Withdrawn reports whether the observation is a withdrawal (StatusWithdrawn).
func (o *Observation) Withdrawn() bool { return o.Status == StatusWithdrawn }

// Validate checks the observation on its own (not against the catalog).
// Call Normalize first to accept empty period and status.
func (o *Observation) Validate() error {
	switch {
	case !ValidCode(o.Region):
		return Errorf(EINVALID, "observation: region %q is not a valid code", o.Region)
	case !ValidCode(o.Indicator):
		return Errorf(EINVALID, "observation %s: indicator %q is not a valid code", o.Region, o.Indicator)
	case o.Year < MinYear || o.Year > MaxYear:
		return Errorf(EINVALID, "observation %s/%s: year %d is outside %d–%d", o.Region, o.Indicator, o.Year, MinYear, MaxYear)
	case math.IsNaN(o.Value) || math.IsInf(o.Value, 0):
		return Errorf(EINVALID, "observation %s/%s %d: value must be a finite number", o.Region, o.Indicator, o.Year)
	case o.Status != StatusFinal && o.Status != StatusPreliminary && o.Status != StatusEstimate && o.Status != StatusWithdrawn:
		return Errorf(EINVALID, "observation %s/%s %d: status %q must be final, preliminary, estimate or withdrawn", o.Region, o.Indicator, o.Year, o.Status)
	case !ValidPeriod(o.Period):
		return Errorf(EINVALID, "observation %s/%s %d: period %q must be year, h1, h2, q1–q4 or jan-feb … jan-nov", o.Region, o.Indicator, o.Year, o.Period)
	case o.Published.IsZero():
		return Errorf(EINVALID, "observation %s/%s %d: published date is missing", o.Region, o.Indicator, o.Year)
	case o.Growth != nil && (math.IsNaN(*o.Growth) || math.IsInf(*o.Growth, 0) || *o.Growth <= -100):
		return Errorf(EINVALID, "observation %s/%s %d: growth %g%% must be a finite number above -100", o.Region, o.Indicator, o.Year, *o.Growth)
	case o.GrowthBaseYear != 0 && o.Growth == nil:
		return Errorf(EINVALID, "observation %s/%s %d: growth_base_year %d is given without a growth", o.Region, o.Indicator, o.Year, o.GrowthBaseYear)
	case o.GrowthBaseYear != 0 && (o.GrowthBaseYear >= o.Year || o.GrowthBaseYear < o.Year-MaxGrowthSpan):
		return Errorf(EINVALID, "observation %s/%s %d: growth_base_year %d must be one of the %d years before %d", o.Region, o.Indicator, o.Year, o.GrowthBaseYear, MaxGrowthSpan, o.Year)
	}
	return nil
}

// Key returns the figure's identity.
func (o *Observation) Key() FigureKey {
	return FigureKey{SeriesKey: SeriesKey{Region: o.Region, Indicator: o.Indicator, Period: o.Period}, Year: o.Year}
}

// SameFigure reports whether two observations carry the same figure, i.e.
// re-pushing b over a changes nothing. The vintage date and source wording do
// not count; value (to 1e-9 relative), status and the stated growth do.
func SameFigure(a, b *Observation) bool {
	if a.Key() != b.Key() || a.Status != b.Status || a.GrowthBase() != b.GrowthBase() {
		return false
	}
	if (a.Growth == nil) != (b.Growth == nil) || a.Growth != nil && !sameNumber(*a.Growth, *b.Growth) {
		return false
	}
	return sameNumber(a.Value, b.Value)
}

// sameNumber compares to 1e-9 relative (absolute below 1).
func sameNumber(x, y float64) bool {
	scale := math.Max(1, math.Max(math.Abs(x), math.Abs(y)))
	return math.Abs(x-y) <= 1e-9*scale
}

// SeriesKey identifies a series: one region, indicator and period.
type SeriesKey struct {
	Region    string
	Indicator string
	Period    string
}

// FigureKey identifies one figure across its vintages.
type FigureKey struct {
	SeriesKey
	Year int
}

// NewerVintage reports whether a is a later vintage than b: a later published
// date, or the same date recorded later.
func NewerVintage(a, b *Observation) bool {
	return laterVersion(a.Published, b.Published, a.Recorded, b.Recorded)
}

// laterVersion orders the versions of a figure or a target: the later
// published date, or on the same date the later recorded time.
func laterVersion(aPublished, bPublished Date, aRecorded, bRecorded time.Time) bool {
	if !aPublished.Equal(bPublished) {
		return aPublished.After(bPublished)
	}
	return aRecorded.After(bRecorded)
}
