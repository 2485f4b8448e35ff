package main

import (
	"bufio"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/store/bolt"
)

func init() {
	register(&command{name: "export", summary: "write the whole store, every vintage and target version, to an archive file", run: runExport})
	register(&command{name: "import", summary: "rebuild an empty store (either backend) from an archive file", run: runImport})
}

func runExport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("export", "--out FILE [store flags]",
		"Writes everything the store holds to one JSON file (gzipped when FILE ends in .gz):\n"+
			"the catalog, every vintage of every figure (withdrawals too) and every version of\n"+
			"every target. \"plancast import\" rebuilds a store from it on either backend, with\n"+
			"reads as of any past date answering as before: the way to move the embedded store\n"+
			"to InfluxDB, and a file copy of an InfluxDB store that plancast reads back. Access\n"+
			"tokens are left out unless --tokens: add them when the archive moves this store, so\n"+
			"that the new one opens to the same tokens (it holds their hashes, never a secret).\n"+
			"The file is written beside, then renamed; an existing file is kept.", stderr)
	var sf storeFlags
	sf.register(fs)
	out := fs.String("out", "", "the archive file to write (.json or .json.gz); it must not exist")
	tokens := fs.Bool("tokens", false, "add the access tokens (their hashes), for a move of this store to another backend")
	if err := parseFlags(fs, args, "the file to write is --out FILE"); err != nil {
		return err
	}
	if *out == "" {
		fs.Usage()
		return usageErrorf("--out FILE is required")
	}
	if _, err := os.Lstat(*out); err == nil {
		return usageErrorf("%s exists; an export never replaces a file: choose another --out", *out)
	}
	st, err := sf.openExisting(ctx, "take a copy through that server instead (plancast backup --server URL --token ADMIN_TOKEN), or stop it")
	if err != nil {
		return fmt.Errorf("open store: %w", err)
	}
	defer st.Close()

	p := &throttled{out: stderr, every: time.Second, last: time.Now()}
	var last plancast.ArchiveStats
	stats, err := writeArchive(*out, func(w io.Writer) (plancast.ArchiveStats, error) {
		return plancast.WriteArchive(ctx, st, w, plancast.ExportOptions{Tokens: *tokens, Progress: func(s plancast.ArchiveStats) {
			last = s
			p.say(false, "\rexport: %d series, %d vintages written", s.Series, s.Vintages)
		}})
	})
	p.say(true, "\rexport: %d series, %d vintages written", last.Series, last.Vintages) // the line ends on the last count
	p.end()
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s: %s\n", *out, stats)
	return nil
}

func runImport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("import", "FILE [store flags]",
		"Rebuilds an empty store from an archive of \"plancast export\": the catalog, then\n"+
			"every vintage and target version in the order they were recorded, each recorded\n"+
			"at the time the archive says (a revision entered after its date stays so), so\n"+
			"that reads as of any date answer as the exported store did; one the archive gives\n"+
			"no recorded time is recorded at the import, and the import says how many. The\n"+
			"store is then read back and compared with the file, recorded times too. A store\n"+
			"that holds figures or targets is refused, unless they are the part of this archive\n"+
			"an interrupted import wrote: running it again writes the rest. An archive exported\n"+
			"with --tokens brings its access tokens; a token the store holds otherwise than the\n"+
			"archive is refused. An embedded store the import changed then takes its data version\n"+
			"(X-Data-Version, the charts' ETags) from the clock, past any the exported store gave.", stderr)
	var sf storeFlags
	sf.register(fs)
	files, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(files) != 1 {
		fs.Usage()
		return usageErrorf("one archive FILE is required, %d given", len(files))
	}
	file := files[0]
	open := func() (*plancast.ArchiveReader, error) { return openArchive(file) }
	start := time.Now()
	p := &throttled{out: stderr, every: time.Second, last: time.Now()}
	var last plancast.ImportProgress
	say := func(final bool, ip plancast.ImportProgress) {
		if ip.Total > 0 {
			p.say(final, "\rimport: %s, %d of %d series", importPhases[ip.Phase], ip.Series, ip.Total)
		} else {
			p.say(final, "\rimport: %s, %d series", importPhases[ip.Phase], ip.Series)
		}
	}
	// A phase's line ends on its last count, not on the last one due.
	endPhase := func() {
		if last.Phase != "" {
			say(true, last)
		}
		p.end()
	}
	progress := func(ip plancast.ImportProgress) {
		if ip.Phase != last.Phase {
			endPhase()
		}
		last = ip
		say(false, ip)
	}
	// The whole archive is checked before the store is opened: an archive
	// refused (cut short, damaged, invalid) leaves no new, empty store
	// behind, which a later serve would seed with the demo data and the
	// good archive then be refused by.
	checked, err := plancast.CheckArchive(open, func(n int) { progress(plancast.ImportProgress{Phase: "check", Series: n}) })
	endPhase()
	if err != nil {
		return archiveRefused(file, last.Series, err)
	}
	st, err := sf.open(ctx, "stop it first: a store is imported before it is served")
	if err != nil {
		return fmt.Errorf("open store: %w", err)
	}
	defer st.Close()
	// Only the embedded store's version is moved past the clock
	// (versionPastTheClock); InfluxDB's is a query over all time, not read
	// for nothing.
	var before string
	if _, embedded := st.(*bolt.Store); embedded {
		if before, err = st.DataVersion(ctx); err != nil {
			return fmt.Errorf("read the data version of %s: %w", sf.describe(), err)
		}
	}
	last = plancast.ImportProgress{}
	res, err := plancast.ImportArchive(ctx, st, open, plancast.ImportOptions{Progress: progress, Checked: checked})
	endPhase()
	if err != nil {
		return fmt.Errorf("%s: %w", file, err) // Main says "plancast import: "
	}
	resumed := ""
	if res.Held > 0 {
		resumed = fmt.Sprintf(" (the store held %d of them already; %d written now)", res.Held, res.Written)
	}
	took := time.Since(start).Round(time.Millisecond)
	version, err := versionPastTheClock(ctx, st, before)
	if err != nil {
		return fmt.Errorf("%s: imported and read back the same, but %w", file, err)
	}
	fmt.Fprintf(stdout, "imported %s into %s in %s: %s%s; read back the same%s\n", file, sf.describe(), took, res.Archive, resumed, unrecorded(res))
	if res.Ahead > 0 {
		fmt.Fprintf(stdout, "%s recorded after this machine's clock (%s), the latest at %s: the machine the archive was exported from had its clock ahead, or the file was edited; each later push to such a figure or target is recorded after them, so its recorded time reads later than the time it was pushed\n",
			aheadCount(res.Ahead), time.Now().UTC().Format(time.RFC3339), res.LatestAhead.UTC().Format(time.RFC3339Nano))
	}
	if version != "" {
		fmt.Fprintf(stdout, "its data version is now %s, from the clock: the store the archive was exported from gave versions of its own, to other data, and none of them names the imported data\n", version)
	}
	return nil
}

// versionPastTheClock moves the data version of the embedded store st, which
// an import changed from before, past the clock (clockVersion), as a
// restore onto another machine does: the import counted the store's
// versions on from where it was (a new store: from 0), while the store the
// archive came from, whose address the imported store may take, gave its
// clients versions of its own for other data. It returns the new version;
// "" when it moved nothing (InfluxDB, whose versions are times already, or
// an import that changed nothing).
func versionPastTheClock(ctx context.Context, st plancast.Store, before string) (string, error) {
	b, ok := st.(*bolt.Store)
	if !ok {
		return "", nil
	}
	after, err := st.DataVersion(ctx)
	if err != nil || after == before {
		return "", err
	}
	v, err := b.MoveVersionPast(clockVersion(time.Now()))
	if err != nil {
		return "", fmt.Errorf("%w: its data version is still %s, which the store the archive came from may have given to other data", err, after)
	}
	return v, nil
}

// unrecorded says which of an archive's versions an import recorded at the
// time it wrote them, not at the time the archive says (none: "").
func unrecorded(res plancast.ImportResult) string {
	switch all := res.Archive.Vintages + res.Archive.TargetVersions; {
	case res.Unrecorded == 0:
		return ""
	case res.Unrecorded == 1:
		return "; 1 vintage or target version the archive gives no recorded time was recorded at this import"
	case res.Unrecorded == all:
		return fmt.Sprintf("; all %d vintages and target versions were recorded at this import (the archive gives them no recorded time)", all)
	default:
		return fmt.Sprintf("; %d vintages and target versions the archive gives no recorded time were recorded at this import", res.Unrecorded)
	}
}

// aheadCount is "1 vintage or target version is", "3 vintages and target
// versions are", for the import's word on recorded times after the clock.
func aheadCount(n int) string {
	if n == 1 {
		return "1 vintage or target version is"
	}
	return fmt.Sprintf("%d vintages and target versions are", n)
}

// importPhases says what each phase of an import does, for its progress line.
var importPhases = map[string]string{
	"check":   "checking the archive",
	"compare": "comparing it with what the store holds",
	"write":   "writing",
	"verify":  "reading the store back",
}

// writeArchive writes an archive file through createOnce with write,
// gzipped when path ends in .gz.
func writeArchive(path string, write func(io.Writer) (plancast.ArchiveStats, error)) (stats plancast.ArchiveStats, err error) {
	err = createOnce(path, func(f *os.File) error {
		bw := bufio.NewWriterSize(f, 1<<20)
		var w io.Writer = bw
		var zw *gzip.Writer
		if strings.HasSuffix(path, ".gz") {
			zw = gzip.NewWriter(bw)
			w = zw
		}
		if stats, err = write(w); err != nil {
			return err
		}
		if zw != nil {
			if err := zw.Close(); err != nil {
				return fmt.Errorf("write %s: %w", path, err)
			}
		}
		if err := bw.Flush(); err != nil {
			return fmt.Errorf("write %s: %w", path, err)
		}
		return nil
	}, nil)
	return stats, err
}

// openArchive opens an archive file, gzipped or not (told by its first
// bytes), for reading a series at a time.
func openArchive(path string) (*plancast.ArchiveReader, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	br := bufio.NewReaderSize(f, 1<<20)
	var r io.Reader = br
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			defer f.Close()
			if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
				return nil, fmt.Errorf("read %s: %w", path, gzipCutShort(f, 0))
			}
			return nil, plancast.Errorf(plancast.EINVALID, "read %s: %v", path, err)
		}
		r = &gzipEnd{zr: zr, f: f}
	}
	ar, err := plancast.NewArchiveReader(r, f)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return ar, nil
}

// gzipEnd reads an archive's gzip stream, and tells one that ends before
// its end (a file cut short by a copy, a download or a full disk) by an
// errCutShort, where gzip says only "unexpected EOF".
type gzipEnd struct {
	zr       *gzip.Reader
	f        *os.File
	unpacked int64
}

func (g *gzipEnd) Read(p []byte) (int, error) {
	n, err := g.zr.Read(p)
	g.unpacked += int64(n)
	if errors.Is(err, io.ErrUnexpectedEOF) {
		err = gzipCutShort(g.f, g.unpacked)
	}
	return n, err
}

// errCutShort is a gzipped archive whose stream ends after size bytes (the
// file's), unpacked to unpacked bytes.
type errCutShort struct{ size, unpacked int64 }

func (e *errCutShort) Error() string {
	return fmt.Sprintf("the gzip stream ends after %d bytes (%d unpacked)", e.size, e.unpacked)
}

func gzipCutShort(f *os.File, unpacked int64) error {
	e := &errCutShort{size: -1, unpacked: unpacked}
	if fi, err := f.Stat(); err == nil {
		e.size = fi.Size()
	}
	return e
}

// archiveRefused says why the check of an archive refused it, before any
// store was opened: nothing was written. series is how many series the
// check had read whole.
func archiveRefused(file string, series int, err error) error {
	if cut := (*errCutShort)(nil); errors.As(err, &cut) {
		where := "in its header, before the first series"
		if series > 0 || cut.unpacked > 0 {
			where = cutSection(file, series)
		}
		return plancast.Errorf(plancast.EINVALID, "%s is cut short (the gzip stream ends after %d bytes, %d unpacked, %s): nothing was written; import the whole file (copy it again, or export it again)",
			file, cut.size, cut.unpacked, where)
	}
	return fmt.Errorf("%s: %w; nothing was written", file, err)
}

// cutSection says which part of a gzipped archive cut short its stream
// ends in, reading what there is of it again: the catalog, a series (the
// check read series of them whole), the target versions or the access
// tokens. Only an archive refused is read again.
func cutSection(file string, series int) string {
	key, figuresWhole, all := lastArchiveMember(file)
	switch key {
	case "observations":
		if figuresWhole {
			return fmt.Sprintf("after the %d series", all)
		}
		return fmt.Sprintf("in series %d", series+1)
	case "targets", "tokens":
		part := map[string]string{"targets": "the target versions", "tokens": "the access tokens"}[key]
		if figuresWhole {
			return fmt.Sprintf("after the %d series, in %s", all, part)
		}
		return "in " + part
	}
	return "in the catalog, before the first series"
}

// lastArchiveMember reads an archive's members until its stream fails, and
// says the member it failed in ("" before the first), whether its figures
// were read whole before, and how many series they hold. (The check reads a
// series ahead, so its count stops one short when the stream ends past the
// figures.)
func lastArchiveMember(file string) (key string, figuresWhole bool, series int) {
	f, err := os.Open(file)
	if err != nil {
		return "", false, 0
	}
	defer f.Close()
	zr, err := gzip.NewReader(bufio.NewReader(f))
	if err != nil {
		return "", false, 0
	}
	dec := json.NewDecoder(zr)
	if _, err := dec.Token(); err != nil { // {
		return "", false, 0
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return key, figuresWhole, series
		}
		key, _ = tok.(string)
		if key != "observations" {
			if err := dec.Decode(new(json.RawMessage)); err != nil {
				return key, figuresWhole, series
			}
			continue
		}
		if _, err := dec.Token(); err != nil { // [
			return key, figuresWhole, series
		}
		var last plancast.SeriesKey
		for dec.More() {
			var o plancast.Observation
			if err := dec.Decode(&o); err != nil {
				return key, figuresWhole, series
			}
			if k := o.Key().SeriesKey; series == 0 || k != last {
				series, last = series+1, k
			}
		}
		if _, err := dec.Token(); err != nil { // ]
			return key, figuresWhole, series
		}
		figuresWhole = true
	}
	return key, figuresWhole, series
}

// throttled prints a progress line at most once every `every`, and the last
// one always, so that a long run shows it is moving.
type throttled struct {
	out   io.Writer
	every time.Duration
	last  time.Time
	said  bool
}

func (t *throttled) say(final bool, format string, args ...any) {
	if !final && time.Since(t.last) < t.every {
		return
	}
	if !t.said && final {
		return // done before the first line was due: nothing to report
	}
	t.last, t.said = time.Now(), true
	fmt.Fprintf(t.out, format, args...)
}

// end finishes the progress line, if one was printed since the last end:
// import ends one line per phase, and a phase too quick to print one must
// not leave a blank line.
func (t *throttled) end() {
	if t.said {
		fmt.Fprintln(t.out)
		t.said = false
	}
}
