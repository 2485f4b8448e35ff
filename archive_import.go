package plancast

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"time"
)

// ImportBatch is how many vintages ImportArchive writes in one batch by
// default (at least one whole series): a transaction of the embedded store,
// a few requests to InfluxDB.
const ImportBatch = 50_000

// ImportOptions tunes ImportArchive; the zero value is the default.
type ImportOptions struct {
	// Batch is how many vintages go in one batch (ImportBatch when 0).
	Batch int
	// Progress, when not nil, is told how far each pass has come.
	Progress func(ImportProgress)
	// Checked, when not nil, is the check of this archive CheckArchive
	// made: the import skips its own (the first pass).
	Checked *CheckedArchive
}

// CheckedArchive is what CheckArchive found an archive to hold.
type CheckedArchive struct {
	Stats  ArchiveStats
	tokens []Token
	read   archiveFingerprint
}

// CheckArchive is the first pass of ImportArchive on its own (checkArchive):
// a command checks the whole archive with it before it opens, or creates, a
// store, so that an archive refused leaves no store behind; then it gives
// the result to ImportArchive (ImportOptions.Checked).
func CheckArchive(open ArchiveOpener, progress func(series int)) (*CheckedArchive, error) {
	stats, tokens, read, err := checkArchive(open, progress)
	if err != nil {
		return nil, err
	}
	return &CheckedArchive{Stats: stats, tokens: tokens, read: read}, nil
}

// ImportProgress is what an import has done so far: Phase is "check",
// "compare", "write" or "verify", Series how many of Total it has been
// through in that phase (Total is 0 in the first).
type ImportProgress struct {
	Phase         string
	Series, Total int
}

// ImportResult says what an import found and did.
type ImportResult struct {
	Archive ArchiveStats
	// Held counts the vintages and target versions the store already held:
	// what an interrupted import of the same archive had written.
	Held int
	// Written counts the vintages and target versions written now.
	Written int
	// Unrecorded counts the vintages and target versions recorded at the
	// time of the import that wrote them, not at the time the archive says
	// they were recorded: those it says none for (an archive made or
	// edited by hand; every store records every version it writes), or
	// all of them when the store cannot be given recorded times (it is no
	// RecordedWriter). Every other one keeps its archived recorded time.
	Unrecorded int
	// Ahead counts the vintages and target versions kept at a recorded time
	// after this machine's clock as the import read the archive (its
	// machine's clock ran ahead, or the file was edited), LatestAhead the
	// latest of those times. A later write to a figure or target is recorded
	// after every version of it (VintageClock.NextAfter), so after them.
	Ahead       int
	LatestAhead time.Time
}

// ArchiveOpener opens an archive from its start; an import reads it several
// times.
type ArchiveOpener func() (*ArchiveReader, error)

// ImportArchive writes an archive into st, in four passes over it:
//
//  1. check: the whole archive is read and every vintage and version checked
//     as a write would check it (and against the archive's catalog), so that
//     a damaged archive is refused before anything is written;
//  2. compare: the store must be empty, or hold a part of this archive that
//     an interrupted import wrote (each figure's and target's first versions,
//     in order); then only the rest is written, so running the same import
//     again finishes it. A store holding anything else is refused, and nothing
//     is written;
//  3. write: each part of the archive compared with what the check read (a
//     file changed since is refused there, before that part is written), the
//     catalog, then the vintages in batches of whole series (about
//     opts.Batch vintages), each batch a generation at a time (every
//     figure's first vintage, then every second one, ...), and the targets'
//     versions the same way, so that each figure's vintages keep their order
//     and their published dates and a read as of any date answers as the
//     archived store did. Each is written at the time the archive says it
//     was recorded (RecordedWriter), the only trace that a revision was
//     entered after its date; one the archive gives no time is recorded
//     when it is written (ImportResult.Unrecorded counts them);
//  4. verify: VerifyArchive.
//
// Memory stays that of one batch, plus a hash of each series the check read
// (8 bytes a series) and, when the store held part of the archive, a hash of
// each vintage it held.
func ImportArchive(ctx context.Context, st Store, open ArchiveOpener, opts ImportOptions) (ImportResult, error) {
	var res ImportResult
	if opts.Batch <= 0 {
		opts.Batch = ImportBatch
	}
	report := func(phase string, series, total int) {
		if opts.Progress != nil {
			opts.Progress(ImportProgress{Phase: phase, Series: series, Total: total})
		}
	}
	var err error
	var tokens []Token
	var checked archiveFingerprint
	if c := opts.Checked; c != nil {
		res.Archive, tokens, checked = c.Stats, c.tokens, c.read
	} else if res.Archive, tokens, checked, err = checkArchive(open, func(n int) { report("check", n, 0) }); err != nil {
		return res, err
	}
	// The store's own writes record every version now; only a
	// RecordedWriter takes the times the archive gives.
	writeObservations, writeTargets := st.WriteObservations, st.WriteTargets
	rw, keeps := st.(RecordedWriter)
	if keeps {
		writeObservations, writeTargets = rw.WriteObservationsRecorded, rw.WriteTargetsRecorded
		res.Unrecorded = checked.unrecorded
		res.Ahead, res.LatestAhead = checked.ahead, checked.latest
	} else {
		res.Unrecorded = res.Archive.Vintages + res.Archive.TargetVersions
	}
	held, err := heldParts(ctx, st)
	if err != nil {
		return res, err
	}
	if tokens, err = tokensToImport(ctx, st, tokens); err != nil {
		return res, err
	}
	if res.Held = held.vintages + held.versions; res.Held > 0 {
		if err := held.match(open, keeps, func(n int) { report("compare", n, res.Archive.Series) }); err != nil {
			return res, err
		}
	}

	ar, err := open()
	if err != nil {
		return res, err
	}
	defer ar.Close()
	// Whatever this pass reads differently from the check pass is refused
	// before it is written; what was written before it is what was checked.
	changed := func(err error) error {
		if res.Written > 0 {
			return interrupted(err)
		}
		return err
	}
	if catalogHash(ar) != checked.catalog {
		return res, changed(changedSince("its catalog (regions and indicators)"))
	}
	if err := importCatalog(ctx, st, ar.Regions, ar.Indicators); err != nil {
		return res, err
	}
	var batch []Observation
	series := 0
	flush := func() error {
		n, err := writeGenerations(batch, held.figures, keeps, func(g int, items []Observation) error {
			if _, err := writeObservations(ctx, items); err != nil {
				return fmt.Errorf("import the figures' vintages no. %d of series %s to %s: %w",
					g+1, seriesName(batch[0].Key().SeriesKey), seriesName(batch[len(batch)-1].Key().SeriesKey), interrupted(err))
			}
			return nil
		})
		res.Written += n
		batch = batch[:0]
		report("write", series, res.Archive.Series)
		return err
	}
	for {
		vs, err := ar.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return res, err
		}
		if err := checked.checkSeries(series, vs); err != nil {
			return res, changed(err)
		}
		batch = append(batch, vs...)
		series++
		if len(batch) >= opts.Batch {
			if err := flush(); err != nil {
				return res, err
			}
		}
	}
	if series != len(checked.series) {
		return res, changed(changedSince(fmt.Sprintf("its end (it now ends after %d series, the check read %d)", series, len(checked.series))))
	}
	if err := flush(); err != nil {
		return res, err
	}
	targets, err := ar.Targets()
	if err != nil {
		return res, err
	}
	if jsonHash(targets) != checked.targets {
		return res, changed(changedSince("its list of targets' versions"))
	}
	n, err := writeGenerations(targets, held.targets, keeps, func(g int, items []Target) error {
		if _, err := writeTargets(ctx, items); err != nil {
			return fmt.Errorf("import the targets' versions no. %d: %w", g+1, interrupted(err))
		}
		return nil
	})
	res.Written += n
	if err != nil {
		return res, err
	}
	for i := range tokens {
		if err := st.PutToken(ctx, tokens[i]); err != nil {
			return res, fmt.Errorf("import access token %s: %w", tokens[i].ID(), interrupted(err))
		}
	}
	return res, VerifyArchive(ctx, st, open, func(n int) { report("verify", n, res.Archive.Series) })
}

// tokensToImport returns those of the archive's tokens the store lacks. A
// token the store holds as the archive does (an interrupted import wrote it)
// is skipped; one it holds otherwise (revoked on one side only, another
// region) is refused before anything is written: which is right is the
// operator's to say. Tokens the store holds beyond the archive's stay: an
// operator may have made one for the new store before the import.
func tokensToImport(ctx context.Context, st TokenStore, archived []Token) ([]Token, error) {
	if len(archived) == 0 {
		return nil, nil
	}
	stored, err := st.Tokens(ctx)
	if err != nil {
		return nil, fmt.Errorf("read the store's access tokens: %w", err)
	}
	have := make(map[string]*Token, len(stored))
	for i := range stored {
		have[stored[i].Hash] = &stored[i]
	}
	var out []Token
	for i := range archived {
		t := &archived[i]
		switch h := have[t.Hash]; {
		case h == nil:
			out = append(out, *t)
		case !sameToken(h, t):
			return nil, Errorf(ECONFLICT, "the store holds access token %s otherwise than the archive (%s here, %s in the archive); revoke or remove one of them, then import again",
				t.ID(), tokenText(h), tokenText(t))
		}
	}
	return out, nil
}

// sameToken reports whether two records of a token agree in every field.
func sameToken(a, b *Token) bool {
	revokedSame := (a.Revoked == nil) == (b.Revoked == nil) && (a.Revoked == nil || a.Revoked.Equal(*b.Revoked))
	return a.Hash == b.Hash && a.Scope == b.Scope && a.Region == b.Region && a.Admin == b.Admin &&
		a.Name == b.Name && a.Created.Equal(b.Created) && revokedSame
}

// tokenText says what a token opens and whether it is revoked.
func tokenText(t *Token) string {
	what := t.Scope
	switch {
	case t.Admin:
		what = "admin"
	case t.Region != "":
		what += " " + t.Region
	}
	if t.Revoked != nil {
		what += ", revoked " + t.Revoked.UTC().Format(time.DateOnly)
	}
	return what
}

// importCatalog puts the archive's regions and indicators the store lacks, or
// holds otherwise, into it: a store that holds them all is not written to.
func importCatalog(ctx context.Context, st Store, regions []Region, indicators []Indicator) error {
	heldRegions, heldIndicators, err := exportCatalog(ctx, st)
	if err != nil {
		return err
	}
	if rs := catalogMissing(regions, heldRegions, func(r *Region) string { return r.Code }); len(rs) > 0 {
		if err := st.PutRegions(ctx, rs); err != nil {
			return fmt.Errorf("import the regions: %w", err)
		}
	}
	if is := catalogMissing(indicators, heldIndicators, func(i *Indicator) string { return i.Code }); len(is) > 0 {
		if err := st.PutIndicators(ctx, is); err != nil {
			return fmt.Errorf("import the indicators: %w", err)
		}
	}
	return nil
}

// interrupted adds to a write's error that the import can be finished.
func interrupted(err error) error {
	return fmt.Errorf("%w (the store holds part of the archive now: run the same import again to finish it)", err)
}

// checkArchive reads the whole archive and checks every vintage and target
// version as a write would, without writing: each is valid (Validate), names
// a region and indicator of the archive's catalog, and has its published date (a write would date it
// today), and each figure's and target's versions are listed oldest first,
// the order a store reads them back in, with recorded times a store can
// write back (recordedChecker). It returns what the archive holds.
func checkArchive(open ArchiveOpener, progress func(series int)) (stats ArchiveStats, tokens []Token, read archiveFingerprint, err error) {
	ar, err := open()
	if err != nil {
		return stats, nil, read, err
	}
	defer ar.Close()
	now := time.Now()
	read.catalog = catalogHash(ar)
	stats.Regions, stats.Indicators = len(ar.Regions), len(ar.Indicators)
	regions, indicators := map[string]bool{}, map[string]bool{}
	for _, r := range ar.Regions {
		regions[r.Code] = true
	}
	for _, ind := range ar.Indicators {
		indicators[ind.Code] = true
	}
	inCatalog := func(region, indicator string) error {
		if !regions[region] {
			return fmt.Errorf("region %q is not in the archive's catalog", region)
		}
		if !indicators[indicator] {
			return fmt.Errorf("indicator %q is not in the archive's catalog", indicator)
		}
		return nil
	}
	for {
		first := stats.Vintages + 1
		vs, err := ar.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return stats, nil, read, err
		}
		k := vs[0].Key().SeriesKey
		if err := inCatalog(k.Region, k.Indicator); err != nil {
			return stats, nil, read, Errorf(EINVALID, "vintages %d–%d (%s): %v", first, stats.Vintages+len(vs), seriesName(k), err)
		}
		lastPublished := map[FigureKey]Date{}
		recorded := newRecordedChecker[FigureKey]("vintage", "figure")
		for i := range vs {
			o := &vs[i]
			// Named only for an error: a Sprintf a vintage cost an import of
			// 100,000 of them that many allocations for nothing.
			where := func() string { return fmt.Sprintf("vintage %d (%s %d)", first+i, seriesName(k), o.Year) }
			if o.Published.IsZero() {
				return stats, nil, read, Errorf(EINVALID, "%s: no published date", where())
			}
			if err := o.Validate(); err != nil {
				return stats, nil, read, Errorf(EINVALID, "%s: %s", where(), ErrorMessage(err))
			}
			if p, ok := lastPublished[o.Key()]; ok && o.Published.Before(p) {
				return stats, nil, read, Errorf(EINVALID, "%s: published %s, before the vintage listed ahead of it (%s): an archive lists a figure's vintages oldest first", where(), o.Published, p)
			}
			lastPublished[o.Key()] = o.Published
			if err := recorded.check(o.Key(), o.Published, o.Recorded, where); err != nil {
				return stats, nil, read, err
			}
			read.recordedAt(o.Recorded, now)
		}
		read.series = append(read.series, jsonHash(vs))
		stats.Series++
		stats.Vintages += len(vs)
		progress(stats.Series)
	}
	targets, err := ar.Targets()
	if err != nil {
		return stats, nil, read, err
	}
	recorded := newRecordedChecker[TargetKey]("version", "target")
	for i := range targets {
		t := &targets[i]
		if err := inCatalog(t.Region, t.Indicator); err != nil {
			return stats, nil, read, Errorf(EINVALID, "target version %d: %v", i+1, err)
		}
		if err := t.Validate(); err != nil {
			return stats, nil, read, Errorf(EINVALID, "target version %d: %s", i+1, ErrorMessage(err))
		}
		if t.Published.IsZero() {
			// Stored before plancast kept versions; a write would date it today.
			return stats, nil, read, Errorf(EINVALID, "target version %d (%s) has no published date: a store dates such a version the day it is written, so the import could not read back as the archive; give it the date its plan set it and import again", i+1, targetName(t))
		}
		if i > 0 {
			prev := &targets[i-1]
			if targetLess(t, prev) {
				return stats, nil, read, Errorf(EINVALID, "target version %d: %s comes after %s: an archive orders the targets by key", i+1, targetName(t), targetName(prev))
			}
			if t.Key() == prev.Key() && t.Published.Before(prev.Published) {
				return stats, nil, read, Errorf(EINVALID, "target version %d (%s): published %s, before the version listed ahead of it (%s): an archive lists a target's versions oldest first",
					i+1, targetName(t), t.Published, prev.Published)
			}
		}
		if err := recorded.check(t.Key(), t.Published, t.Recorded, func() string { return fmt.Sprintf("target version %d (%s)", i+1, targetName(t)) }); err != nil {
			return stats, nil, read, err
		}
		read.recordedAt(t.Recorded, now)
	}
	stats.TargetVersions = len(targets)
	read.targets = jsonHash(targets)
	if tokens, err = ar.Tokens(); err != nil {
		return stats, nil, read, err
	}
	seen := map[string]bool{}
	for i := range tokens {
		t := &tokens[i]
		if err := t.Validate(); err != nil {
			return stats, nil, read, Errorf(EINVALID, "access token %d: %s", i+1, ErrorMessage(err))
		}
		if seen[t.Hash] {
			return stats, nil, read, Errorf(EINVALID, "access token %d (%s) is in the archive twice", i+1, t.ID())
		}
		seen[t.Hash] = true
	}
	stats.Tokens = len(tokens)
	return stats, tokens, read, nil
}

func targetName(t *Target) string {
	return fmt.Sprintf("%s/%s %s %s %d", t.Region, t.Indicator, t.Plan, t.Kind, t.Year)
}

// generations splits items, each key's versions in order, into batches: the
// first version of every key, then the second, and so on.
func generations[T any, K comparable](items []T, key func(*T) K) [][]T {
	seen := map[K]int{}
	var out [][]T
	for i := range items {
		k := key(&items[i])
		g := seen[k]
		seen[k] = g + 1
		if g == len(out) {
			out = append(out, nil)
		}
		out[g] = append(out[g], items[i])
	}
	return out
}

// writeGenerations writes items by generations, leaving out each key's first
// len(skip[key]) versions (already stored), with their recorded times kept
// (keep: write writes them) or cleared for the store to set. It returns how
// many it wrote.
func writeGenerations[T any, PT interface {
	*T
	Key() K
	clearRecorded()
}, K comparable](items []T, skip map[K][]heldVersion, keep bool, write func(g int, items []T) error) (int, error) {
	var rest []T
	seen := map[K]int{}
	for i := range items {
		p := PT(&items[i])
		k := p.Key()
		seen[k]++
		if seen[k] <= len(skip[k]) {
			continue
		}
		item := items[i]
		if !keep {
			PT(&item).clearRecorded()
		}
		rest = append(rest, item)
	}
	n := 0
	for g, batch := range generations(rest, func(t *T) K { return PT(t).Key() }) {
		if err := write(g, batch); err != nil {
			return n, err
		}
		n += len(batch)
	}
	return n, nil
}

func (o *Observation) clearRecorded() { o.Recorded = time.Time{} }
func (t *Target) clearRecorded()      { t.Recorded = time.Time{} }

// held is what a store already holds: each version of each figure and
// target in order.
type held struct {
	figures            map[FigureKey][]heldVersion
	targets            map[TargetKey][]heldVersion
	vintages, versions int
}

// heldVersion is a version a store holds: a hash of all but its recorded
// time (versionHash), and that time.
type heldVersion struct {
	hash     uint64
	recorded time.Time
}

// heldParts reads what st holds: nothing kept when it is empty.
func heldParts(ctx context.Context, st Store) (held, error) {
	h := held{figures: map[FigureKey][]heldVersion{}, targets: map[TargetKey][]heldVersion{}}
	err := WalkVintages(ctx, st, func(vs []Observation) error {
		for i := range vs {
			h.figures[vs[i].Key()] = append(h.figures[vs[i].Key()], heldVersion{versionHash(&vs[i]), vs[i].Recorded})
		}
		h.vintages += len(vs)
		return nil
	})
	if err != nil {
		return h, fmt.Errorf("read what the store holds: %w", err)
	}
	ts, err := exportTargets(ctx, st)
	if err != nil {
		return h, fmt.Errorf("read what the store holds: %w", err)
	}
	for i := range ts {
		h.targets[ts[i].Key()] = append(h.targets[ts[i].Key()], heldVersion{versionHash(&ts[i]), ts[i].Recorded})
	}
	h.versions = len(ts)
	return h, nil
}

// match checks that every figure's and target's held versions are its first
// versions in the archive, in order, and that the store holds nothing else.
// With keeps (the import writes the archive's recorded times), each held
// version must have been recorded when the archive says, where it says.
func (h held) match(open ArchiveOpener, keeps bool, progress func(series int)) error {
	ar, err := open()
	if err != nil {
		return err
	}
	defer ar.Close()
	matched := 0
	refuse := func(what string) error {
		return Errorf(EINVALID, "the store already holds %d vintages and %d target versions, and %s: an archive is imported into an empty store, or into one that holds a part of it (as an interrupted import leaves it)",
			h.vintages, h.versions, what)
	}
	// The same figures recorded at other times were not written by an
	// import of this archive (but pushed, seeded, or imported by a plancast
	// that recorded what it imported at the time of the import): the rest
	// of the archive added to them would not read back as the archive.
	differs := func(hv heldVersion, hash uint64, recorded time.Time, what func() string) error {
		switch {
		case hv.hash != hash:
			return refuse(fmt.Sprintf("its %s differs from the archive's", what()))
		case keeps && !recorded.IsZero() && !hv.recorded.Equal(recorded):
			return refuse(fmt.Sprintf("its %s was recorded %s, the archive's %s (so no import of this archive wrote it)",
				what(), hv.recorded.Format(time.RFC3339Nano), recorded.Format(time.RFC3339Nano)))
		}
		return nil
	}
	series := 0
	for {
		vs, err := ar.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		n := map[FigureKey]int{}
		for i := range vs {
			o := &vs[i]
			k := o.Key()
			j := n[k]
			n[k]++
			if j < len(h.figures[k]) {
				if err := differs(h.figures[k][j], versionHash(o), o.Recorded, func() string { return fmt.Sprintf("vintage no. %d of %s %d", j+1, seriesName(k.SeriesKey), k.Year) }); err != nil {
					return err
				}
				matched++
			}
		}
		series++
		progress(series)
	}
	targets, err := ar.Targets()
	if err != nil {
		return err
	}
	n := map[TargetKey]int{}
	for i := range targets {
		t := &targets[i]
		j := n[t.Key()]
		n[t.Key()]++
		if j < len(h.targets[t.Key()]) {
			if err := differs(h.targets[t.Key()][j], versionHash(t), t.Recorded, func() string { return fmt.Sprintf("version no. %d of target %s", j+1, targetName(t)) }); err != nil {
				return err
			}
			matched++
		}
	}
	if matched != h.vintages+h.versions {
		return refuse(fmt.Sprintf("%d of them are not in the archive", h.vintages+h.versions-matched))
	}
	return nil
}

// versionHash is a hash of a vintage's or target version's JSON, its
// recorded time left out (a store sets it when it writes).
func versionHash[T any, PT interface {
	*T
	clearRecorded()
}](v PT) uint64 {
	c := *v
	PT(&c).clearRecorded()
	return jsonHash(&c)
}

// VerifyArchive checks that st holds exactly what the archive does: each
// series' vintages and each target's versions, in order, each recorded when
// the archive says it was (where it says, and when st is a RecordedWriter,
// which an import gives those times: another store records what it writes
// at the time it writes it), the archive's catalog, and its access tokens
// (the store may hold more). It walks the store and reads the archive side
// by side, so memory stays that of one series.
func VerifyArchive(ctx context.Context, st Store, open ArchiveOpener, progress func(series int)) error {
	_, keeps := st.(RecordedWriter)
	ar, err := open()
	if err != nil {
		return err
	}
	defer ar.Close()
	regions, indicators, err := exportCatalog(ctx, st)
	if err != nil {
		return err
	}
	if rs := catalogMissing(ar.Regions, regions, func(r *Region) string { return r.Code }); len(rs) > 0 {
		return fmt.Errorf("the store does not hold the archive's region %q as the archive does", rs[0].Code)
	}
	if is := catalogMissing(ar.Indicators, indicators, func(i *Indicator) string { return i.Code }); len(is) > 0 {
		return fmt.Errorf("the store does not hold the archive's indicator %q as the archive does", is[0].Code)
	}
	differ := func(format string, args ...any) error {
		return fmt.Errorf("the store does not read back as the archive: "+format, args...)
	}
	var pending []Observation // the archive's next series, read ahead
	nextArchived := func() ([]Observation, error) {
		if pending != nil {
			vs := pending
			pending = nil
			return vs, nil
		}
		vs, err := ar.Next()
		if err == io.EOF {
			return nil, nil
		}
		return vs, err
	}
	series := 0
	err = WalkVintages(ctx, st, func(stored []Observation) error {
		k := stored[0].Key().SeriesKey
		archived, err := nextArchived()
		if err != nil {
			return err
		}
		if archived == nil || CompareSeriesKeys(archived[0].Key().SeriesKey, k) > 0 {
			return differ("it holds %s, which the archive does not", seriesName(k))
		}
		if ak := archived[0].Key().SeriesKey; ak != k {
			return differ("it lacks %s", seriesName(ak))
		}
		if len(archived) != len(stored) {
			return differ("it holds %d vintages of %s, the archive %d", len(stored), seriesName(k), len(archived))
		}
		for i := range archived {
			if !sameVintage(&archived[i], &stored[i]) || !sameRecorded(keeps, archived[i].Recorded, stored[i].Recorded) {
				return differ("%s", diffLists("vintage of "+seriesName(k), archived[i:i+1], stored[i:i+1], recordedAside[Observation](keeps)))
			}
		}
		series++
		if progress != nil {
			progress(series)
		}
		return nil
	})
	if err != nil {
		return err
	}
	if rest, err := nextArchived(); err != nil {
		return err
	} else if rest != nil {
		return differ("it lacks %s", seriesName(rest[0].Key().SeriesKey))
	}
	archivedTargets, err := ar.Targets()
	if err != nil {
		return err
	}
	storedTargets, err := exportTargets(ctx, st)
	if err != nil {
		return err
	}
	if d := diffLists("version of a target", archivedTargets, storedTargets, recordedAside[Target](keeps)); d != "" {
		return differ("%s", d)
	}
	archivedTokens, err := ar.Tokens()
	if err != nil {
		return err
	}
	if len(archivedTokens) == 0 {
		return nil
	}
	// One listing, not a read per token: on InfluxDB each is a query, and a
	// nationwide store has a token for each of its thousands of counties.
	storedTokens, err := st.Tokens(ctx)
	if err != nil {
		return fmt.Errorf("read the store's access tokens: %w", err)
	}
	byHash := make(map[string]*Token, len(storedTokens))
	for i := range storedTokens {
		byHash[storedTokens[i].Hash] = &storedTokens[i]
	}
	for i := range archivedTokens {
		t := &archivedTokens[i]
		switch stored := byHash[t.Hash]; {
		case stored == nil:
			return differ("it lacks access token %s", t.ID())
		case !sameToken(stored, t):
			return differ("it holds access token %s as %s, the archive as %s", t.ID(), tokenText(stored), tokenText(t))
		}
	}
	return nil
}

// sameRecorded reports whether a version the archive says was recorded at
// archived reads back as recorded when it was: always when the archive
// says no time, or the import could not give it (keeps false).
func sameRecorded(keeps bool, archived, stored time.Time) bool {
	return !keeps || archived.IsZero() || archived.Equal(stored)
}

// recordedAside is what diffLists leaves out of a version in the archive
// (a) and in the store (s): the recorded time where sameRecorded does not
// compare it; else both are compared in UTC, as stores give them.
func recordedAside[T any, PT interface {
	*T
	recordedTime() *time.Time
}](keeps bool) func(a, s *T) {
	return func(a, s *T) {
		ar, sr := PT(a).recordedTime(), PT(s).recordedTime()
		if !keeps || ar.IsZero() {
			*ar, *sr = time.Time{}, time.Time{}
			return
		}
		*ar, *sr = ar.UTC(), sr.UTC()
	}
}

func (o *Observation) recordedTime() *time.Time { return &o.Recorded }
func (t *Target) recordedTime() *time.Time      { return &t.Recorded }

// sameVintage reports whether two vintages are the same, field by field, the
// recorded time aside: what comparing their JSON says, at a tenth of the cost.
func sameVintage(a, b *Observation) bool {
	if (a.Growth == nil) != (b.Growth == nil) || a.Growth != nil && *a.Growth != *b.Growth {
		return false
	}
	return a.Region == b.Region && a.Indicator == b.Indicator && a.Year == b.Year && a.Value == b.Value &&
		a.Status == b.Status && a.Period == b.Period && a.Source == b.Source && a.Published.Equal(b.Published) &&
		a.GrowthBaseYear == b.GrowthBaseYear
}

// catalogMissing returns the entries of want that have does not hold as
// they are (compared by their JSON).
func catalogMissing[T any](want, have []T, code func(*T) string) []T {
	byCode := make(map[string][]byte, len(have))
	for i := range have {
		data, _ := json.Marshal(&have[i])
		byCode[code(&have[i])] = data
	}
	var out []T
	for i := range want {
		data, _ := json.Marshal(&want[i])
		if got, ok := byCode[code(&want[i])]; !ok || !bytes.Equal(got, data) {
			out = append(out, want[i])
		}
	}
	return out
}
