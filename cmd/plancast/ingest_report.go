package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
	"unicode/utf8"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
	"github.com/plancast/plancast/ingest"
	"github.com/plancast/plancast/ingest/report"
)

func init() { ingestReport = runIngestReport }

const ingestReportSynopsis = "--report FILE --region R [--year Y] [--json] [--commit [--accept-jumps]] [--server URL --token T]"

var ingestReportDescription = `Reads the figures and targets out of a government report (政府工作报告,
统计公报, work summaries, or their English translations; plain text or simple
HTML) and shows them as a review table, one line per candidate, with its
confidence and flags: repaired (a garbled unit was repaired), derived (implied
by the text, not stated), review (the reader could not settle it).

The text is read in the character set of its byte-order mark (UTF-8,
UTF-16), or else the one --charset names, or else the one its HTML meta tag
declares (a text valid in UTF-8 is read as UTF-8 over a declared GBK, Big5
or the like), or else the one its bytes show: UTF-8, UTF-16 without a mark,
GB18030 (which holds GBK and GB2312). A file that cannot be read in any is
refused (exit 1), not read as a report without figures.

Indicators are read by the reader's own words for them and by the names
(name_zh, name) the catalog gives them, so an indicator the bureau declared
(常住人口城镇化率) is read too. The catalog is read from the store when it
can be opened; while a running server holds the embedded store, a preview
says so and reads the built-in indicators only. Figures the text states
that no indicator of the catalog could be read from are listed under the
table as unread, for review.

Nothing is written without --commit. With --commit the accepted candidates
(at or above the threshold, needing no review) are checked as a push is
(against the catalog, and for likely slips) and written all or nothing, with
the same report as plancast ingest. With --server URL --token T the text
is read, and committed, by a running server (POST /api/v1/reports/extract):
use it while the server holds the embedded store.

` + jumpRule

// runIngestReport is "plancast ingest --report FILE --region R".
func runIngestReport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("ingest", ingestReportSynopsis, ingestReportDescription, stderr)
	var sf storeFlags
	sf.register(fs)
	file := fs.String("report", "", "report text file (plain text or simple HTML)")
	charset := fs.String("charset", "", "the file's character set, e.g. gbk, gb18030, utf-16le, big5 (default: found from the file)")
	region := fs.String("region", "", "region code the report is about, e.g. houma")
	year := fs.Int("year", 0, "the report's year (default: inferred from the text)")
	asJSON := fs.Bool("json", false, "print the candidates as JSON instead of a table")
	commit := fs.Bool("commit", false, "write the accepted candidates to the store")
	acceptJumps := fs.Bool("accept-jumps", false, "with --commit, "+acceptJumpsUsage)
	server := fs.String("server", envOr("PLANCAST_SERVER", ""), "read (and with --commit write) through this running plancast server (URL) instead of opening the store (env PLANCAST_SERVER)")
	token := fs.String("token", envOr("PLANCAST_TOKEN", ""), "with --server: a write token of the region for --commit; a read token when the server asks one for reads (env PLANCAST_TOKEN)")
	if hasFlag(args, "help") || hasFlag(args, "h") {
		// "ingest --report --help": --report would take --help for its file.
		fs.Usage()
		return flag.ErrHelp
	}
	if err := parseFlags(fs, args, "the report is --report FILE"); err != nil {
		return err
	}
	if *file == "" || *region == "" {
		fs.Usage()
		return usageErrorf("--report FILE and --region R are required")
	}
	text, err := os.ReadFile(*file)
	if err != nil {
		return fmt.Errorf("read report: %w", err)
	}
	opt := report.Options{Region: *region, Year: *year, Document: filepath.Base(*file), Charset: *charset}
	if *server != "" {
		srv, err := checkURL("--server", *server, true)
		if err != nil {
			return err
		}
		tok, err := secretValue(settingName(fs, "token", "PLANCAST_TOKEN"), *token)
		if err != nil {
			return err
		}
		if *commit && tok == "" {
			return usageErrorf("--server with --commit needs a write --token of region %s (or PLANCAST_TOKEN)", *region)
		}
		return reportThroughServer(ctx, srv, tok, text, opt, *commit, *acceptJumps, *asJSON, stdout, stderr)
	}

	// The store is opened to write only to commit: a running server may
	// hold the embedded store, and a preview must not need it. A preview
	// reads the catalog (the names of the indicators the bureau declared)
	// when the store can be read, and says so when it cannot.
	var st plancast.Store
	var catalogNote string
	if *commit {
		if st, err = sf.open(ctx, "commit through that server instead: add --server URL --token T (a write token of the region)"); err != nil {
			return fmt.Errorf("open %s: %w", sf.describe(), err)
		}
		defer st.Close()
		if opt.Indicators, err = st.Indicators(ctx); err != nil {
			return fmt.Errorf("read the indicator catalog: %w", err)
		}
		if err := reportRegionKnown(ctx, st, *region); err != nil {
			return err
		}
	} else {
		opt.Indicators, catalogNote = previewCatalog(ctx, &sf, *region)
	}
	ex, err := report.Extract(text, opt)
	if err != nil {
		return fmt.Errorf("read %s: %w", *file, err)
	}
	if err := writeExtraction(stdout, ex, *asJSON); err != nil {
		return err
	}
	if catalogNote != "" {
		if *asJSON {
			fmt.Fprintln(stderr, catalogNote)
		} else {
			fmt.Fprintln(stdout, catalogNote)
		}
	}
	if !*commit {
		if !*asJSON {
			fmt.Fprintln(stdout, "nothing written (use --commit to write the accepted candidates)")
		}
		return nil
	}
	obs, ts := ex.Accepted()
	out := stdout
	if *asJSON {
		out = stderr // keep stdout valid JSON
	}
	if len(obs)+len(ts) == 0 {
		fmt.Fprintln(out, "no accepted candidates: nothing written")
		return nil
	}
	// The same all-or-nothing path as a push: every candidate checked
	// against the catalog and the stored figures beside it (a slip of units
	// in the text is refused like one in a table) before anything is written.
	b := &ingest.Batch{Files: []string{opt.Document}, Observations: obs, Targets: ts}
	rep, err := ingest.Apply(ctx, st, b, ingest.ApplyOptions{AcceptJumps: *acceptJumps})
	if rep != nil {
		if werr := rep.WriteText(out); werr != nil {
			return werr
		}
	}
	return err
}

// reportThroughServer is ingest --report through a running server: the
// text goes to POST /api/v1/reports/extract (with commit=true to write the
// accepted candidates), and the answer is printed as the store path prints
// it: the review table (or the JSON) and, committed, the push's report.
// While the server holds the embedded store this is the only way to commit
// a report from the command line; it was curl.
func reportThroughServer(ctx context.Context, server, token string, text []byte, opt report.Options, commit, acceptJumps, asJSON bool, stdout, stderr io.Writer) error {
	q := url.Values{"region": {opt.Region}, "document": {opt.Document}}
	if opt.Year != 0 {
		q.Set("year", strconv.Itoa(opt.Year))
	}
	if commit {
		q.Set("commit", "true")
	}
	if acceptJumps {
		q.Set("accept_jumps", "true")
	}
	endpoint := server + "/api/v1/reports/extract?" + q.Encode()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, endpoint, bytes.NewReader(text))
	if err != nil {
		return err
	}
	ctype := "text/plain"
	if opt.Charset != "" {
		ctype += "; charset=" + opt.Charset
	}
	req.Header.Set("Content-Type", ctype)
	req.Header.Set("Accept", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := (&http.Client{Timeout: 5 * time.Minute}).Do(req)
	if err != nil {
		return fmt.Errorf("send %s to %s: %w; nothing was written", opt.Document, server, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	if err != nil {
		return fmt.Errorf("read the answer of %s: %w", server, err)
	}
	var answer api.ExtractResponse
	if json.Unmarshal(data, &answer) != nil || answer.Extraction == nil {
		return serverError(resp.Status, data)
	}
	ex := answer.Extraction
	ex.Charset, ex.CharsetReason = answer.Charset, answer.CharsetReason
	if err := writeExtraction(stdout, ex, asJSON); err != nil {
		return err
	}
	out := stdout
	if asJSON {
		out = stderr // keep stdout valid JSON
	}
	if !commit {
		if !asJSON {
			fmt.Fprintln(stdout, "nothing written (use --commit to write the accepted candidates)")
		}
		return nil
	}
	if answer.Report != nil {
		if err := answer.Report.WriteText(out); err != nil {
			return err
		}
	} else if resp.StatusCode < 300 {
		fmt.Fprintln(out, "no accepted candidates: nothing written")
	}
	if resp.StatusCode >= 300 {
		return serverError(resp.Status, data)
	}
	return nil
}

// previewCatalog reads the indicator catalog for a preview from the store,
// opened to read: the catalog (nil for the built-in one) and, when it could
// not be read, a note saying why and what that leaves out. A missing
// embedded store is not created.
func previewCatalog(ctx context.Context, sf *storeFlags, region string) ([]plancast.Indicator, string) {
	if sf.embedded() && !sf.exists() {
		return nil, fmt.Sprintf("note: no catalog read: there is no %s; the built-in indicators were read (give --data-dir to read the indicators a store declares)", sf.describe())
	}
	st, err := sf.openReading(ctx, fmt.Sprintf("read through that server instead: POST /api/v1/reports/extract?region=%s", region))
	if err == nil {
		defer st.Close()
		var ins []plancast.Indicator
		if ins, err = st.Indicators(ctx); err == nil {
			return ins, ""
		}
	}
	return nil, fmt.Sprintf("note: no catalog read: %v; the built-in indicators were read, not the ones only the catalog names", err)
}

// reportRegionKnown fails early, with a clear message, when the region is not in
// the catalog (the store would reject the whole batch).
func reportRegionKnown(ctx context.Context, st plancast.Store, code string) error {
	rs, err := st.Regions(ctx)
	if err != nil {
		return fmt.Errorf("read the region catalog: %w", err)
	}
	for _, r := range rs {
		if r.Code == code {
			return nil
		}
	}
	return plancast.Errorf(plancast.EINVALID, "region %q is not in the catalog", code)
}

// printReview prints one line per candidate.
func printReview(w io.Writer, ex *report.Extraction) {
	fmt.Fprintf(w, "report year %d (%s); document kind %s; threshold %.2f\n", ex.Year, ex.YearReason, ex.Kind, ex.Threshold)
	if ex.CharsetReason != "" {
		// Plain UTF-8 goes without saying.
		fmt.Fprintf(w, "text read as %s: %s\n", ex.Charset, ex.CharsetReason)
	}
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "\tINDICATOR\tYEAR\tPERIOD/PLAN\tVALUE\tUNIT\tKIND\tCONF\tFLAGS\tSENTENCE")
	accepted, review := 0, 0
	line := func(mark, ind string, year int, periodOrPlan string, value float64, unit, kind string, p report.Provenance) {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%g\t%s\t%s\t%.2f\t%s\t%s\n", mark, ind, year, periodOrPlan, value, unit, kind, p.Confidence, flags(p), shorten(p, 70))
	}
	for _, c := range ex.Observations {
		mark := mark(c.Provenance, ex.Threshold, &accepted, &review)
		line(mark, c.Indicator, c.Year, c.Period, c.Value, c.Unit, "observation", c.Provenance)
	}
	for _, c := range ex.Targets {
		mark := mark(c.Provenance, ex.Threshold, &accepted, &review)
		line(mark, c.Indicator, c.Year, c.Plan, c.Value, c.Unit, c.Kind, c.Provenance)
	}
	tw.Flush()
	fmt.Fprintf(w, "\n%d observations and %d targets read; %d accepted (+), %d need review (?), the rest below the threshold\n",
		len(ex.Observations), len(ex.Targets), accepted, review)
	printUnread(w, ex.Unread)
}

// maxUnreadLines bounds the unread figures the table lists (--json lists all).
const maxUnreadLines = 30

// printUnread lists the figures no indicator was read from.
func printUnread(w io.Writer, unread []report.Unread) {
	if len(unread) == 0 {
		return
	}
	figures := "figures"
	if len(unread) == 1 {
		figures = "figure"
	}
	fmt.Fprintf(w, "\n%d %s not read for any indicator of the catalog (review them; declare an indicator to read one):\n", len(unread), figures)
	for i, u := range unread {
		if i == maxUnreadLines {
			break
		}
		named := "no indicator named"
		if u.Name != "" {
			named = "given to " + u.Name
		}
		fmt.Fprintf(w, "  ?  %s (%s): %s\n", u.Original, named, shorten(report.Provenance{Sentence: u.Sentence, Start: u.Start, Original: u.Original, OriginalStart: u.OriginalStart}, 60))
	}
	if len(unread) > maxUnreadLines {
		fmt.Fprintf(w, "  … and %d more (--json lists them all, each with why)\n", len(unread)-maxUnreadLines)
	}
}

// mark is "+" for accepted, "?" for needs review, " " for below the threshold.
func mark(p report.Provenance, threshold float64, accepted, review *int) string {
	switch {
	case p.NeedsReview:
		*review++
		return "?"
	case p.Confidence >= threshold:
		*accepted++
		return "+"
	}
	return " "
}

func flags(p report.Provenance) string {
	var f []string
	if p.Repaired {
		f = append(f, "repaired")
	}
	if p.Derived {
		f = append(f, "derived")
	}
	if p.NeedsReview {
		f = append(f, "review")
	}
	if len(f) == 0 {
		return "-"
	}
	return strings.Join(f, ",")
}

// shorten returns about n runes of the sentence around the figure as written.
func shorten(p report.Provenance, n int) string {
	sentence := p.Sentence
	// The figure's offset in the sentence: the offsets are the input's, in
	// its character set, and the sentence is decoded, so where they do not
	// meet (a text in GBK or UTF-16) the figure is looked for.
	at := p.OriginalStart - p.Start
	if at < 0 || at > len(sentence) || !strings.HasPrefix(sentence[at:], p.Original) {
		at = max(0, strings.Index(sentence, p.Original))
	}
	runes := []rune(sentence)
	if len(runes) <= n {
		return strings.Join(strings.Fields(sentence), " ")
	}
	mid := utf8.RuneCountInString(sentence[:at])
	from := max(0, mid-n/3)
	to := min(len(runes), from+n)
	from = max(0, to-n)
	s := strings.Join(strings.Fields(string(runes[from:to])), " ")
	if from > 0 {
		s = "…" + s
	}
	if to < len(runes) {
		s += "…"
	}
	return s
}

// writeExtraction writes what was read from a report: as indented JSON, or
// as the review a person reads (printReview). The store's and the server's
// paths write it alike.
func writeExtraction(w io.Writer, ex *report.Extraction, asJSON bool) error {
	if !asJSON {
		printReview(w, ex)
		return nil
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(ex)
}
