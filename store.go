package plancast

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"sync"
	"sync/atomic"
)

// SeriesQuery selects one series. Zero fields mean "no restriction"; Period
// defaults to PeriodYear.
type SeriesQuery struct {
	Region    string
	Indicator string
	Period    string
	From, To  int  // inclusive year bounds; 0 = open
	AsOf      Date // serve the latest vintage published on or before this date; zero = latest
}

// Series is a time series: one observation per year, ascending, each the
// latest vintage (as of the query's AsOf).
type Series struct {
	Region       string        `json:"region"`
	Indicator    string        `json:"indicator"`
	Period       string        `json:"period"`
	Observations []Observation `json:"observations"`
	// Stated are the growths stated with the figures as a read of their
	// vintages found them (StatedGrowthsOf: a growth stated with a figure
	// revised since, each measured on the levels it was stated with); nil
	// when the figures' own say the same. Read them with StatedGrowths.
	Stated []StatedGrowth `json:"-"`
}

// WriteResult counts what a batch write did.
//
// An item written with a date before the newest stored version of its key
// (a figure published before the vintage served, a target set before the
// version in force) is counted History, not Revised: it is kept as an
// earlier vintage or version, readable as of its date, and what is served
// now does not change. It was counted revised, so a push that changed
// nothing served answered "1 revised" while the series served the figure
// it had. Revised counts the items that change what is served now.
type WriteResult struct {
	New       int `json:"new"`       // figures never seen before
	Revised   int `json:"revised"`   // figures whose value or status changed: a new vintage, served from now on
	Unchanged int `json:"unchanged"` // identical to the latest vintage: nothing written
	Withdrawn int `json:"withdrawn"` // taken back (StatusWithdrawn, Target.Withdrawn)
	// History counts items dated before the newest stored version of
	// their key that differ from it: written as an earlier vintage or
	// version, kept as history, what is served unchanged.
	History int `json:"history"`
	// Queued counts items accepted into a durable local queue because the
	// backend could not take them now; they are written, in order, when it
	// returns (and then counted as new, revised or unchanged there).
	Queued int `json:"queued,omitempty"`
	// Said names the first few items kept as history, and those that
	// replaced a stored version dated the same day (WriteSaid), for the
	// report's notes (TakeSaid); nil when there are none. A pointer keeps
	// the counts comparable with ==.
	Said *WriteSaid `json:"-"`
}

// WriteSaid is what a write says of its items beyond the counts: one
// sentence for each of the first MostSaid items kept as history, and for
// each of the first MostSaid that replaced a stored version dated the same
// day as theirs (a same-day correction: accepted, and the answer as of that
// day changes), with how many there were of each.
type WriteSaid struct {
	History       []string // of WriteResult.History items
	Replaced      []string
	ReplacedCount int
	// Dated names the first few of the History items that are the figure
	// served dated earlier (TallyFigure), DatedCount counts them; History
	// names the others.
	Dated      []string
	DatedCount int
}

// MostSaid is how many items of each kind a WriteSaid names.
const MostSaid = 5

func (r *WriteResult) said() *WriteSaid {
	if r.Said == nil {
		r.Said = &WriteSaid{}
	}
	return r.Said
}

func (r *WriteResult) sayHistory(line func() string) {
	if s := r.said(); len(s.History) < MostSaid {
		s.History = append(s.History, line())
	}
}

func (r *WriteResult) sayDated(line func() string) {
	s := r.said()
	if s.DatedCount++; len(s.Dated) < MostSaid {
		s.Dated = append(s.Dated, line())
	}
}

func (r *WriteResult) sayReplaced(line func() string) {
	s := r.said()
	if s.ReplacedCount++; len(s.Replaced) < MostSaid {
		s.Replaced = append(s.Replaced, line())
	}
}

// TakeSaid returns what the write said of its items (nil when nothing) and
// leaves the result with its counts alone.
func (r *WriteResult) TakeSaid() *WriteSaid {
	s := r.Said
	r.Said = nil
	return s
}

// TallyFigure counts item i (1-based) of an observation write against cur,
// the latest stored vintage of its figure (found false: there is none), and
// reports whether o must be written. A figure whose latest vintage is a
// withdrawal counts as absent: pushing it again is new, withdrawing it again
// changes nothing. Withdrawing a figure that was never stored is EINVALID, so
// that a withdrawal with a typo in its year or period cannot pass silently.
//
// A figure (or a withdrawal) dated before cur that differs from it is kept
// as history: counted History, and named in Said, with the figure served.
// One dated the same day as cur replaces it in every answer as of that day
// on (the later recorded of a day's vintages is served): counted as any
// other, and named in Said with what an answer as of that day now reads.
// o's date is its Published, today when it has none (a dry run's).
//
// The figure served itself, dated before cur, is an earlier release of it
// the store did not know of (a figure pushed without a date, dated the day
// of the push, pushed again with the date it was published): it is kept as
// history too, so that an answer as of its date on has it, counted History
// and named in Said (Dated); cur stays, a push moves no vintage's date.
// It was counted unchanged, without a word, and the date was not taken.
// (Whether o restates the vintage served on its date, which is not
// written, is for ingest to judge: it knows every vintage, the store cur.)
func (r *WriteResult) TallyFigure(i int, o, cur *Observation, found bool) (write bool, err error) {
	if found && cur.Withdrawn() && o.Withdrawn() {
		r.Unchanged++
		return false, nil
	}
	served := found && !cur.Withdrawn()
	if o.Withdrawn() && !served {
		return false, Errorf(EINVALID, "item %d: %s/%s %d (%s) has no figure to withdraw", i, o.Region, o.Indicator, o.Year, o.Period)
	}
	d := o.Published.OrToday()
	if served && SameFigure(cur, o) {
		if d.Before(cur.Published) {
			r.History++
			r.sayDated(func() string { return figureDatedText(o, cur, d) })
			return true, nil
		}
		r.Unchanged++
		return false, nil
	}
	switch {
	case found && d.Before(cur.Published):
		r.History++
		r.sayHistory(func() string { return figureKeptText(o, cur, d) })
		return true, nil
	case o.Withdrawn():
		r.Withdrawn++
	case !served:
		r.New++
	default:
		r.Revised++
	}
	if found && d.Equal(cur.Published) {
		r.sayReplaced(func() string { return figureReplacedText(o, cur, d) })
	}
	return true, nil
}

// TallyTarget counts item i (1-based) of a target write against prev, the
// target of its key in force (found false: there is none), and reports
// whether t must be written: a withdrawal of a stored target counts as
// withdrawn; of one that is not stored, or dated before the version in force,
// it is EINVALID. A version dated before the one in force is kept as history
// (counted History, named in Said) but does not replace it; one dated the
// same day as the version in force replaces it in every answer as of that
// day on, counted revised and named in Said.
func (r *WriteResult) TallyTarget(i int, t, prev *Target, found bool) (write bool, err error) {
	if t.Withdrawn {
		if !found {
			return false, Errorf(EINVALID, "target %d: %s/%s %s %s %d has no stored target to withdraw", i, t.Region, t.Indicator, t.Plan, t.Kind, t.Year)
		}
		if !t.Published.IsZero() && t.Published.Before(prev.Published) {
			return false, Errorf(EINVALID, "target %d: the withdrawal of %s/%s %s %s %d is dated %s, before the version in force (set %s), which it would leave in force",
				i, t.Region, t.Indicator, t.Plan, t.Kind, t.Year, t.Published, prev.Published)
		}
		r.Withdrawn++
		return true, nil
	}
	if !found {
		r.New++
		return true, nil
	}
	if SameTarget(prev, t) {
		r.Unchanged++
		return false, nil
	}
	d := t.Published.OrToday()
	if d.Before(prev.Published) {
		r.History++
		r.sayHistory(func() string { return targetKeptText(t, prev, d) })
		return true, nil
	}
	r.Revised++
	if d.Equal(prev.Published) {
		r.sayReplaced(func() string { return targetReplacedText(t, prev, d) })
	}
	return true, nil
}

// Add returns the sum of two results, and what both said.
func (r WriteResult) Add(o WriteResult) WriteResult {
	sum := WriteResult{New: r.New + o.New, Revised: r.Revised + o.Revised, Unchanged: r.Unchanged + o.Unchanged,
		Withdrawn: r.Withdrawn + o.Withdrawn, History: r.History + o.History, Queued: r.Queued + o.Queued}
	for _, s := range []*WriteSaid{r.Said, o.Said} {
		if s == nil {
			continue
		}
		t := sum.said()
		t.History = append(t.History, s.History[:min(len(s.History), MostSaid-len(t.History))]...)
		t.Replaced = append(t.Replaced, s.Replaced[:min(len(s.Replaced), MostSaid-len(t.Replaced))]...)
		t.ReplacedCount += s.ReplacedCount
		t.Dated = append(t.Dated, s.Dated[:min(len(s.Dated), MostSaid-len(t.Dated))]...)
		t.DatedCount += s.DatedCount
	}
	return sum
}

// Changed counts what the write changed in the store: new, revised,
// withdrawn items and those kept as history (which change the answers as
// of their dates).
func (r WriteResult) Changed() int { return r.New + r.Revised + r.Withdrawn + r.History }

// ObservationWriter writes batches of observations.
type ObservationWriter interface {
	// WriteObservations writes a batch all or nothing. Every observation is
	// normalised and validated, and its region and indicator must be in the
	// catalog; otherwise EINVALID and nothing is written. Identical re-pushes
	// are counted Unchanged and not written; a changed figure is a new vintage.
	// Published defaults to today. Returns EUNAVAILABLE when the backend is down.
	WriteObservations(ctx context.Context, obs []Observation) (WriteResult, error)
}

// SeriesReader reads series.
type SeriesReader interface {
	// Series returns the series, ENOTFOUND when it has no observation at all
	// (as of q.AsOf) or its region or indicator is unknown.
	Series(ctx context.Context, q SeriesQuery) (*Series, error)
	// Vintages returns every vintage of every figure in the series, oldest
	// first within each year. ENOTFOUND as for Series.
	Vintages(ctx context.Context, k SeriesKey) ([]Observation, error)
}

// SeriesSetQuery selects many series at once: every combination of the
// listed regions and indicators (an empty list means all of them).
type SeriesSetQuery struct {
	Regions    []string
	Indicators []string
	Period     string // default PeriodYear; AllPeriods for every period
}

// AllPeriods in a SeriesSetQuery selects the series of every period (whole
// years and partial ones such as jan-nov), each returned as its own series.
const AllPeriods = "*"

// SeriesSetReader reads many series in one go, for assessments across
// regions and for listing what a region has.
type SeriesSetReader interface {
	// SeriesSet returns the latest vintage of every year of every matching
	// series that has at least one observation, sorted by region then
	// indicator. Unknown codes simply match nothing (no ENOTFOUND).
	SeriesSet(ctx context.Context, q SeriesSetQuery) ([]Series, error)
}

// VintageSetReader is the optional bulk form of Vintages, for stores where a
// read per series is a round trip (InfluxDB): a dry run of a 100,000-figure
// push over 10,000 stored series is one request instead of 10,000.
type VintageSetReader interface {
	// VintagesOf returns every stored vintage of each of the given series,
	// keyed by series, in the order Vintages gives (by year, oldest vintage
	// first); a series with none is absent from the map. It is for
	// comparing figures: an observation's Source may be left empty.
	VintagesOf(ctx context.Context, keys []SeriesKey) (map[SeriesKey][]Observation, error)
}

// SeriesValuesReader is the optional fast bulk read for callers that need
// only the numbers of many given series (assessments across regions).
type SeriesValuesReader interface {
	// SeriesValuesOf returns the latest vintage of every year of each of the
	// given series that has observations, sorted as SeriesSet sorts. An
	// observation carries its region, indicator, period, year, value, stated
	// growth (Growth, GrowthBaseYear: growth targets are judged on it) and
	// Recorded time; status, source and (on InfluxDB) Published may be empty.
	SeriesValuesOf(ctx context.Context, keys []SeriesKey) ([]Series, error)
}

// ReadSeriesValuesOf reads the latest values of the given series: with the
// store's SeriesValuesOf when it has one, else with one SeriesSet over their
// regions and indicators, keeping the series asked for.
func ReadSeriesValuesOf(ctx context.Context, st SeriesSetReader, keys []SeriesKey) ([]Series, error) {
	if vr, ok := st.(SeriesValuesReader); ok {
		return vr.SeriesValuesOf(ctx, keys)
	}
	if len(keys) == 0 {
		return nil, nil
	}
	want, regions, indicators := KeySpan(keys)
	period := keys[0].Period
	for k := range want {
		if k.Period != period {
			period = AllPeriods
			break
		}
	}
	all, err := st.SeriesSet(ctx, SeriesSetQuery{Regions: regions, Indicators: indicators, Period: period})
	if err != nil {
		return nil, err
	}
	return slices.DeleteFunc(all, func(s Series) bool {
		return !want[s.Key()]
	}), nil
}

// SeriesSpanReader is a store that reads the latest values of given series
// within a span of years more cheaply than whole (InfluxDB: a time range
// keeps a query to the shards of those years).
type SeriesSpanReader interface {
	// SeriesValuesBetween is SeriesValuesOf for the years from to to.
	SeriesValuesBetween(ctx context.Context, keys []SeriesKey, from, to int) ([]Series, error)
}

// ReadSeriesValuesBetween reads the latest values of the given series in the
// years from to to: with the store's SeriesValuesBetween when it has one,
// else with ReadSeriesValuesOf, keeping those years.
func ReadSeriesValuesBetween(ctx context.Context, st SeriesSetReader, keys []SeriesKey, from, to int) ([]Series, error) {
	if sr, ok := st.(SeriesSpanReader); ok {
		return sr.SeriesValuesBetween(ctx, keys, from, to)
	}
	all, err := ReadSeriesValuesOf(ctx, st, keys)
	if err != nil {
		return nil, err
	}
	out := all[:0]
	for _, s := range all {
		s.Observations = slices.DeleteFunc(s.Observations, func(o Observation) bool { return o.Year < from || o.Year > to })
		if len(s.Observations) > 0 {
			out = append(out, s)
		}
	}
	return out, nil
}

// FigureSpanReader is a store whose read of the latest figures of given
// series within a span of years can carry each figure's status in one read
// (InfluxDB: one more field of the same query).
type FigureSpanReader interface {
	// FiguresBetween is SeriesValuesBetween with each observation's Status
	// set as stored.
	FiguresBetween(ctx context.Context, keys []SeriesKey, from, to int) ([]Series, error)
}

// ReadFiguresBetween reads the latest vintage of every year from to to of
// the given series, with its value, status and stated growth (no source),
// withdrawn years left out: what ingest needs to keep the status and growth
// of a figure pushed again from a file that has no place for them. A store
// without FiguresBetween is read in two steps: the values of those years
// (SeriesValuesBetween, which says no status), then every vintage of the
// series that hold a figure in them alone, so that a push of a new year
// reads nothing more.
func ReadFiguresBetween(ctx context.Context, st VintageStore, keys []SeriesKey, from, to int) ([]Series, error) {
	if fr, ok := st.(FigureSpanReader); ok {
		return fr.FiguresBetween(ctx, keys, from, to)
	}
	values, err := ReadSeriesValuesBetween(ctx, st, keys, from, to)
	if err != nil || len(values) == 0 {
		return nil, err
	}
	held := make([]SeriesKey, len(values))
	for i := range values {
		held[i] = values[i].Key()
	}
	vintages, err := ReadVintagesOf(ctx, st, held)
	if err != nil {
		return nil, err
	}
	out := make([]Series, 0, len(held))
	for _, k := range held {
		s := Series{Region: k.Region, Indicator: k.Indicator, Period: k.Period}
		for _, o := range vintages[k] { // by year, oldest vintage first
			if o.Year >= from && o.Year <= to {
				o.Source = Source{}
				s.AppendLatest(o)
			}
		}
		s.DropWithdrawn()
		if len(s.Observations) > 0 {
			out = append(out, s)
		}
	}
	return out, nil
}

// VintageStore is what ReadSeriesValuesAsOf needs of a store: the bulk read
// of the latest values, and every vintage of one series.
type VintageStore interface {
	SeriesReader
	SeriesSetReader
}

// ReadSeriesValuesAsOf is ReadSeriesValuesOf as the data stood on asOf: for
// each given series, the newest vintage published on or before asOf of every
// year, withdrawals applied (a zero asOf is ReadSeriesValuesOf). It is how an
// assessment given on a date is reproduced after the figures were revised.
//
// Every vintage must be read, so the series go in chunks of one indicator
// (all its periods), each reduced to its values as soon as it is read
// (sources dropped, as the values read does): memory stays near that of the
// answer. A store with VintagesOf reads a whole indicator's series in one
// call (InfluxDB splits its regions into queries of its own; bbolt seeks
// each series in its compact values: 3.42 M vintages as of a date in
// 9.9-12.0 s and 1.2 GiB, BENCHMARKS.md); the others read one series at a
// time, in chunks of asOfChunk. asOfWorkers chunks are read at once.
func ReadSeriesValuesAsOf(ctx context.Context, st VintageStore, keys []SeriesKey, asOf Date) ([]Series, error) {
	if asOf.IsZero() {
		return ReadSeriesValuesOf(ctx, st, keys)
	}
	size := asOfChunk
	if _, bulk := st.(VintageSetReader); bulk {
		size = len(keys)
	}
	chunks := indicatorChunks(keys, size)
	results := make([][]Series, len(chunks))
	errs := make([]error, len(chunks))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(asOfWorkers, len(chunks)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= len(chunks) || ctx.Err() != nil {
					return
				}
				results[i], errs[i] = readChunkAsOf(ctx, st, chunks[i], asOf)
			}
		}()
	}
	wg.Wait()
	if err := cmp.Or(errors.Join(errs...), ctx.Err()); err != nil {
		return nil, err
	}
	out := slices.Concat(results...)
	SortSeries(out)
	return out, nil
}

// The chunking of ReadSeriesValuesAsOf for stores read a series at a time.
const (
	asOfChunk   = 200
	asOfWorkers = 4
)

// readChunkAsOf reads every vintage of a chunk's series and keeps, for each
// year, the newest by asOf, without sources.
func readChunkAsOf(ctx context.Context, st VintageStore, keys []SeriesKey, asOf Date) ([]Series, error) {
	byKey, err := ReadVintagesOf(ctx, st, keys)
	if err != nil {
		return nil, err
	}
	out := LatestVintages(JoinVintages(byKey, keys), asOf)
	for i := range out {
		for j := range out[i].Observations {
			out[i].Observations[j].Source = Source{}
		}
	}
	return out, nil
}

// indicatorChunks groups keys (each once) by indicator, a region's periods
// together, in chunks of at most size keys. One indicator's yearly and
// year-to-date series go in one chunk: a bulk VintagesOf reads every period
// of its regions in one go anyway.
func indicatorChunks(keys []SeriesKey, size int) [][]SeriesKey {
	sorted := slices.Clone(keys)
	slices.SortFunc(sorted, func(a, b SeriesKey) int {
		return cmp.Or(cmp.Compare(a.Indicator, b.Indicator), cmp.Compare(a.Region, b.Region), cmp.Compare(a.Period, b.Period))
	})
	sorted = slices.Compact(sorted)
	var chunks [][]SeriesKey
	for i := 0; i < len(sorted); {
		j := i + 1
		for j < len(sorted) && j-i < size && sorted[j].Indicator == sorted[i].Indicator {
			j++
		}
		chunks = append(chunks, sorted[i:j])
		i = j
	}
	return chunks
}

// KeySpan is what a bulk read of the given series asks for and then keeps:
// the set of keys, and the regions and indicators they name, sorted, each
// once.
func KeySpan(keys []SeriesKey) (want map[SeriesKey]bool, regions, indicators []string) {
	want = make(map[SeriesKey]bool, len(keys))
	rs, is := map[string]bool{}, map[string]bool{}
	for _, k := range keys {
		want[k] = true
		rs[k.Region], is[k.Indicator] = true, true
	}
	return want, slices.Sorted(maps.Keys(rs)), slices.Sorted(maps.Keys(is))
}

// ReadVintagesOf reads the vintages of many series: in bulk when st is a
// VintageSetReader, else one Vintages read per series.
func ReadVintagesOf(ctx context.Context, st SeriesReader, keys []SeriesKey) (map[SeriesKey][]Observation, error) {
	if vr, ok := st.(VintageSetReader); ok {
		return vr.VintagesOf(ctx, keys)
	}
	return vintagesOneByOne(ctx, st, keys)
}

// ReadJudgedVintages reads every vintage of the series a target on series k
// of indicator ind is judged on (JudgedKeys: the yearly figures, and the
// year to date), in one read where the store can.
func ReadJudgedVintages(ctx context.Context, st SeriesReader, k SeriesKey, ind Indicator) ([]Observation, error) {
	keys := JudgedKeys(k, ind)
	byKey, err := ReadVintagesOf(ctx, st, keys)
	if err != nil {
		return nil, err
	}
	return JoinVintages(byKey, keys), nil
}

// JoinVintages lists the vintages of the given series in one slice, series
// by series in the order of keys, as ReadVintagesOf returned them.
func JoinVintages(byKey map[SeriesKey][]Observation, keys []SeriesKey) []Observation {
	var out []Observation
	for _, k := range keys {
		out = append(out, byKey[k]...)
	}
	return out
}

// ReadYearToDate reads the year-to-date series (YearToDateKeys) of series k
// of indicator ind, as the data stood on asOf (the latest when zero): what
// forecast.Result.YearToDate and forecast.Assess judge the year after the
// last figure on. None for an indicator whose figures do not add up over
// the year.
func ReadYearToDate(ctx context.Context, st VintageStore, k SeriesKey, ind Indicator, asOf Date) ([]Series, error) {
	keys := YearToDateKeys(k, ind)
	if len(keys) == 0 {
		return nil, nil
	}
	toDate, err := ReadSeriesValuesAsOf(ctx, st, keys, asOf)
	if err != nil {
		return nil, fmt.Errorf("read the year to date of %s/%s: %w", k.Region, k.Indicator, err)
	}
	return toDate, nil
}

// vintagesOneByOne reads the vintages of each series with its own Vintages
// call; a series with none (ENOTFOUND) is absent from the map.
func vintagesOneByOne(ctx context.Context, st SeriesReader, keys []SeriesKey) (map[SeriesKey][]Observation, error) {
	out := make(map[SeriesKey][]Observation, len(keys))
	for _, k := range keys {
		vs, err := st.Vintages(ctx, k)
		if err != nil {
			if ErrorCode(err) == ENOTFOUND {
				continue
			}
			return nil, fmt.Errorf("read vintages of %s/%s/%s: %w", k.Region, k.Indicator, k.Period, err)
		}
		if len(vs) > 0 {
			out[k] = vs
		}
	}
	return out, nil
}

// Catalog lists and declares regions and indicators.
type Catalog interface {
	Regions(ctx context.Context) ([]Region, error)           // sorted by code
	Indicators(ctx context.Context) ([]Indicator, error)     // sorted by code
	PutRegions(ctx context.Context, rs []Region) error       // insert or replace; all or nothing; EINVALID
	PutIndicators(ctx context.Context, is []Indicator) error // insert or replace; all or nothing; EINVALID
}

// TargetFilter selects targets; empty fields match everything.
type TargetFilter struct {
	Region    string
	Indicator string
	Plan      string
	// AsOf, when set, reads the targets as they stood then: each target's
	// newest version published on or before it (Target.InForce).
	AsOf Date
}

// TargetStore writes and reads plan targets.
type TargetStore interface {
	// WriteTargets writes a new version of each target whose content
	// changed (SameTarget), all or nothing, and keeps the older versions;
	// Published defaults to today. EINVALID when one is invalid or names an
	// unknown region or indicator.
	WriteTargets(ctx context.Context, ts []Target) (WriteResult, error)
	// Targets returns the matching targets in force (as of f.AsOf, when set;
	// CurrentTargets), sorted by region, indicator, plan, year, kind.
	Targets(ctx context.Context, f TargetFilter) ([]Target, error)
	// TargetVersions returns every stored version of the targets f selects
	// by region, indicator and plan, withdrawals too, in no set order
	// (f.AsOf is not applied; TargetHistory applies it and orders them).
	TargetVersions(ctx context.Context, f TargetFilter) ([]Target, error)
}

// Backuper is a store that can copy itself whole while it serves: the
// embedded store, whose file a running server holds. (InfluxDB has its own
// "influx backup".)
type Backuper interface {
	// Snapshot opens a consistent view of the whole store as it is now;
	// writes committed after it are not in it, and are not held up by it.
	// Close it when written.
	Snapshot(ctx context.Context) (Snapshot, error)
}

// Snapshot is a store frozen at one moment, to be written out as a file the
// store can open again (restoring is copying that file into place).
type Snapshot interface {
	// Size is the number of bytes WriteTo writes.
	Size() int64
	// Version is the data version (Store.DataVersion) the snapshot holds.
	Version() string
	io.WriterTo
	Close() error
}

// Store is everything a backend offers.
type Store interface {
	Catalog
	ObservationWriter
	SeriesReader
	SeriesSetReader
	TargetStore
	TokenStore
	// DataVersion changes whenever anything stored changes; caches key on it.
	DataVersion(ctx context.Context) (string, error)
	Close() error
}

// StoreStatus is what a store says about its health.
type StoreStatus struct {
	Backend   string `json:"backend"`           // "embedded" or "influxdb"
	Reachable bool   `json:"reachable"`         // the backend answers
	Error     string `json:"error,omitempty"`   // why not
	Queued    int    `json:"queued"`            // batches waiting in the local spool
	Dead      int    `json:"dead,omitempty"`    // spooled batches the backend refused (kept for the operator)
	Oldest    string `json:"oldest,omitempty"`  // when the oldest queued batch was accepted (RFC 3339)
	Refused   string `json:"refused,omitempty"` // why the newest dead batch was refused, and what to do
}

// StatusReporter is implemented by stores that can say more about their
// health than whether a read works.
type StatusReporter interface {
	Status(ctx context.Context) StoreStatus
}
