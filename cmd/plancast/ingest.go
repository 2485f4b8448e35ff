package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/ingest"
)

func init() {
	register(&command{name: "ingest", summary: "push figures and targets from JSON, CSV or XLSX files", run: runIngest})
}

// ingestReport reads government-report text (plancast ingest --report FILE).
// It is set by the file that implements it; nil means not available yet.
// It receives the command's arguments unparsed, so it may define its own flags.
var ingestReport func(ctx context.Context, args []string, stdout, stderr io.Writer) error

const ingestSynopsis = "FILE... [--dry-run] [--accept-jumps] [--sheet NAME | --all-sheets] [--published DATE] [--server URL --token T]"

// jumpRule says which figures a push refuses as likely slips. The help of
// plain ingest and of ingest --report both print it; the numbers are
// ingest's own constants.
var jumpRule = fmt.Sprintf(`A figure of a level indicator more than %d times, or under 1/%d of, the same
series' nearest figure before or after it within %d years (stored or in the
batch) is refused as a likely slip of units (万元 for 亿元), and so is a
figure of a rate under 1 that, read as a percent, is within a factor of %d of
a nearest figure of 1 or more (0.045 beside 4.3: a fraction typed for 4.5%%).
A level's 0 beside a positive figure is under 1/%d of it too (a blank cell
exported as 0?). So is a level, ceiling or floor target more than %d times
what its series' latest figure reaches growing %d%% a year to the target's
year, or under 1/%d of what it comes down to falling %d%% a year (3200000
for a GDP of 240 亿元: 万元 for 亿元?), and a growth or avg_growth target
above %d%% or below -%d%% a year (65 for 6.5%%?), and a target typed as a
fraction of its percent: a ceiling, floor, level or share of a rate under 1
within a factor of %d of the latest figure read as a percent (0.045 beside
3.2), a growth or avg_growth under 1 within a factor of %d of the series'
recent growth read as a percent, or without it given to more than one
decimal (0.07 for 7%%?). --accept-jumps writes them.`,
	ingest.JumpFactor, ingest.JumpFactor, ingest.JumpYears, ingest.FractionFactor, ingest.JumpFactor,
	ingest.TargetFactor, ingest.TargetPace, ingest.TargetFactor, ingest.TargetPace, ingest.TargetPace, ingest.TargetPace,
	ingest.FractionFactor, ingest.GrowthFractionFactor)

// acceptJumpsUsage is the --accept-jumps flag's text, plain ingest's and
// ingest --report's.
var acceptJumpsUsage = fmt.Sprintf("write figures and targets refused otherwise as likely slips: a figure more than %d times (or under 1/%d of) the series' nearest figure within %d years before or after, a rate that looks like a fraction typed for a percent, a target far from what the latest figure reaches by its year, a growth target past %d%% a year, a target typed as a fraction of its percent", ingest.JumpFactor, ingest.JumpFactor, ingest.JumpYears, ingest.TargetPace)

var ingestDescription = `Reads statistical tables (JSON, CSV, XLSX; long or wide, English or Chinese
headers), validates every row and writes the figures and targets to the store
all or nothing: one problem anywhere and nothing is written. Prints how many
figures are new, revised (a new vintage), unchanged and rejected, then every
problem with its file, sheet, row and column; exits non-zero on any problem.

A workbook is read at one sheet: --sheet NAME, else the sheet it opens at when
that is visible, else its first visible sheet. --all-sheets reads every
visible sheet that holds a table into the one batch (a problem on any sheet
refuses it all); empty sheets, sheets without a header row, chart sheets and
hidden sheets are left out, and a note names them and why. A hidden sheet is
read only when named with --sheet.

` + jumpRule + `

A row whose status is "withdrawn" (撤回) withdraws its figure, which needs no
value: put it beside the figure under its right year to move a figure filed
under the wrong one in one batch. Earlier vintages stay readable with as_of.

A targets table downloaded from the API (GET /api/v1/targets?format=csv or
xlsx, either language) goes back in as it is: a target whose row is unchanged
is counted unchanged, an edited one is a revision once dated today (today's
date in its published cell); one still dated the day of the version it edits
is refused, as it would rewrite what answers as of that day gave (a series
download's rows alike). Rows of versions no longer
in force (version "replaced" or "withdrawal", from versions=all) are history,
not targets: they are left out, and a note names them.

Files given together are checked and written as one batch. With --server they
go through a running server's HTTP API instead of the store (use this while
"plancast serve" holds the embedded store), one file a request: every file is
first read here and checked with a dry run, and nothing is written unless all
pass and no two files give one figure or target differently (refused as on the
store). The files are then written one request at a time, so a failure between
writes (the server's, or a jump from an earlier file's figure, which the dry
runs, each judging its file against the store alone, cannot see) can leave the
earlier files written.

plancast ingest ` + ingestReportSynopsis + `
reads the figures and targets out of a government report's text instead and
shows them for review, writing nothing without --commit; "plancast ingest
--report --help" tells more.`

func runIngest(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if hasFlag(args, "report") {
		if ingestReport == nil {
			return plancast.Errorf(plancast.EINVALID, "--report (government report text) is not available in this build")
		}
		return ingestReport(ctx, args, stdout, stderr)
	}
	fs := newFlagSet("ingest", ingestSynopsis, ingestDescription, stderr)
	var sf storeFlags
	sf.register(fs)
	dryRun := fs.Bool("dry-run", false, "check and count what would change, write nothing")
	acceptJumps := fs.Bool("accept-jumps", false, acceptJumpsUsage)
	sheet := fs.String("sheet", "", "spreadsheet sheet to read (default: the active sheet, or the first visible one)")
	allSheets := fs.Bool("all-sheets", false, "read every visible sheet of a workbook that holds a table, in one batch (not with --sheet)")
	published := fs.String("published", "", "vintage date YYYY-MM-DD of figures, and date set of targets, that do not give one (default: today)")
	region := fs.String("region", "", "region code of tables that name no region")
	server := fs.String("server", envOr("PLANCAST_SERVER", ""), "push through this plancast server (URL) instead of opening the store (env PLANCAST_SERVER)")
	token := fs.String("token", envOr("PLANCAST_TOKEN", ""), "write token for --server (env PLANCAST_TOKEN)")
	files, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		fmt.Fprintln(stderr, "plancast ingest: no files given")
		fs.Usage()
		return errUsage
	}
	if *allSheets && *sheet != "" {
		fmt.Fprintf(stderr, "plancast ingest: --sheet %q and --all-sheets ask for one sheet and for every sheet: give one of them\n", *sheet)
		return errUsage
	}
	opt := ingest.Options{Sheet: *sheet, AllSheets: *allSheets, Region: *region, Progress: progressPrinter(stderr)}
	if *published != "" {
		d, err := plancast.ParseDate(*published)
		if err != nil {
			return fmt.Errorf("--published: %w", err)
		}
		if ahead := ingest.PushDateAhead(d); ahead != "" {
			// Said once, before any file is read (or sent to --server).
			return plancast.Errorf(plancast.EINVALID, "--published %s %s; leave --published out for today", d, ahead)
		}
		opt.Published = d
	}
	if *server != "" {
		if *token, err = secretValue(settingName(fs, "token", "PLANCAST_TOKEN"), *token); err != nil {
			return err
		}
		if *token == "" {
			fmt.Fprintln(stderr, "plancast ingest: --server needs --token (or PLANCAST_TOKEN)")
			return errUsage
		}
		srv, err := checkURL("--server", *server, true)
		if err != nil {
			return err
		}
		return pushToServer(ctx, srv, *token, files, opt, ingest.ApplyOptions{DryRun: *dryRun, AcceptJumps: *acceptJumps}, stdout)
	}

	// A dry run writes nothing, so it reads the store read-only.
	open := sf.open
	if *dryRun {
		open = sf.openExisting
	}
	st, err := openWaiting(ctx, open, "push through it with --server URL --token T", stderr)
	if err != nil {
		return err
	}
	defer st.Close()
	regions, err := st.Regions(ctx)
	if err != nil {
		return fmt.Errorf("read regions: %w", err)
	}
	indicators, err := st.Indicators(ctx)
	if err != nil {
		return fmt.Errorf("read indicators: %w", err)
	}
	cat := ingest.Catalog{Regions: regions, Indicators: indicators}

	batch, err := parseFiles(files, cat, opt)
	if err != nil {
		return err
	}
	if note := unusedRegionNote(opt.Region, batch); note != "" {
		batch.Notes = append(batch.Notes, note)
	}
	rep, err := ingest.Apply(ctx, st, batch, ingest.ApplyOptions{DryRun: *dryRun, AcceptJumps: *acceptJumps})
	if rep != nil {
		if werr := rep.WriteText(stdout); werr != nil {
			return werr
		}
	}
	return err
}

// parseFiles reads files as one batch. A region or indicator that one of
// them declares is known to the others, in either order: each file is read
// with the declarations of the files before it, and a file with problems
// that was read before a later file declared more is read again with all
// of them.
func parseFiles(files []string, cat ingest.Catalog, opt ingest.Options) (*ingest.Batch, error) {
	batches, err := readFiles(files, cat, opt)
	if err != nil {
		return nil, err
	}
	batch := &ingest.Batch{}
	for _, b := range batches {
		batch.Merge(b)
	}
	return batch, nil
}

// readFiles reads files as parseFiles does, each into its own batch.
func readFiles(files []string, cat ingest.Catalog, opt ingest.Options) ([]*ingest.Batch, error) {
	batches := make([]*ingest.Batch, len(files))
	knew := make([]int, len(files)) // declarations known when each file was read
	declared := 0
	for i, name := range files {
		b, err := parseFile(name, cat, opt)
		if err != nil {
			// A file that cannot be read to its end (*ingest.ReadError) is
			// refused whole, and so is the batch it belongs to.
			return nil, fmt.Errorf("%w; nothing was written", err)
		}
		batches[i], knew[i] = b, declared
		cat.Regions = append(cat.Regions, b.Regions...)
		cat.Indicators = append(cat.Indicators, b.Indicators...)
		declared += len(b.Regions) + len(b.Indicators)
	}
	for i, b := range batches {
		if knew[i] < declared && len(b.Problems) > 0 {
			again, err := parseFile(files[i], cat, opt)
			if err != nil {
				return nil, fmt.Errorf("%w; nothing was written", err)
			}
			batches[i] = again
		}
	}
	return batches, nil
}

func parseFile(name string, cat ingest.Catalog, opt ingest.Options) (*ingest.Batch, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// The file's size lets a large CSV's batch be sized once instead of grown.
	// (The HTTP API does not pass a Content-Length: a body's first bytes could
	// promise rows it does not hold and make the server reserve memory for them.)
	if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
		opt.Size = fi.Size()
	}
	return ingest.Parse(name, "", f, cat, opt)
}

// progressPrinter shows the rows read of large files on one updating line of
// stderr; small files (under ProgressEvery rows) print nothing.
func progressPrinter(w io.Writer) func(file string, rows int, done bool) {
	return func(file string, rows int, done bool) {
		if rows < ingest.ProgressEvery {
			return
		}
		fmt.Fprintf(w, "\r%s: %d rows read", filepath.Base(file), rows)
		if done {
			fmt.Fprintln(w)
		}
	}
}

// pushToServer posts each file to the server's observations endpoint and
// prints the report it answers with.
//
// The API takes one file a request, each all or nothing. So that several
// files stay one all-or-nothing batch as far as the API allows, every file is
// first read here, against the server's catalog, as the store path reads them
// (readFiles), and every file is sent with dry_run=true; only when none has a
// problem, and no two disagree (ingest.CheckTogether: rows of two files that
// give one figure or target differently, which the dry runs, each judging its
// file against the store alone, cannot see, are refused as on the store, in
// the same words), are they sent again to be written; else each problem is
// printed and nothing is written. What remains: the files are then written one
// request at a time, so a failure between writes (the server's, or a jump from
// a figure of a file written before, which only the store's figures can
// judge) leaves the earlier files written. The error then names what was
// written and what not.
func pushToServer(ctx context.Context, server, token string, files []string, opt ingest.Options, apply ingest.ApplyOptions, stdout io.Writer) error {
	endpoint, err := url.Parse(strings.TrimRight(server, "/") + "/api/v1/observations")
	if err != nil {
		return fmt.Errorf("--server %q: %w", server, err)
	}
	q := endpoint.Query()
	// A plan's targets table without plan and kind columns is read as
	// targets, as on the store (the route refuses it otherwise).
	q.Set("plan_tables", "true")
	if apply.AcceptJumps {
		q.Set("accept_jumps", "true")
	}
	if opt.Sheet != "" {
		q.Set("sheet", opt.Sheet)
	}
	if opt.AllSheets {
		q.Set("all_sheets", "true")
	}
	if !opt.Published.IsZero() {
		q.Set("published", opt.Published.String())
	}
	if opt.Region != "" {
		q.Set("region", opt.Region)
	}
	endpoint.RawQuery = q.Encode()
	q.Set("dry_run", "true")
	dryEndpoint := *endpoint
	dryEndpoint.RawQuery = q.Encode()
	client := &http.Client{Timeout: 10 * time.Minute}

	// together refuses files that disagree with each other (ingest.CheckTogether).
	var together *ingest.Report
	var togetherErr error
	if len(files) > 1 {
		// Every file is read here first, as the store path reads them
		// (parseFiles), against the server's catalog.
		cat, err := serverCatalog(ctx, client, server, token)
		if err != nil {
			return fmt.Errorf("read the server's regions and indicators: %w; nothing was written", err)
		}
		batches, err := readFiles(files, cat, opt)
		if err != nil {
			return err
		}
		// A file that holds nothing is harmless beside files that hold
		// something, as it is in a batch on the store (ingest.Apply), but
		// the server, taking one file a request, would refuse it on its
		// own: it is left out here and named in a note. When every file
		// holds nothing they all go, and the server refuses each by name.
		var empty, rest []string
		var held []*ingest.Batch
		for i, b := range batches {
			if len(b.EmptyFiles()) > 0 {
				empty = append(empty, filepath.Base(files[i]))
			} else {
				rest, held = append(rest, files[i]), append(held, b)
			}
		}
		if len(empty) > 0 && len(rest) > 0 {
			fmt.Fprintf(stdout, "note: %s\n", ingest.EmptyFilesNote(empty))
			files, batches = rest, held
		}
		together, togetherErr = ingest.CheckTogether(batches, cat)
	}

	if apply.DryRun || len(files) > 1 {
		// Check every file; with --dry-run that is all there is to do.
		failed := 0
		var reports []*ingest.Report
		// unavailable is the server's answer to a dry run when its store
		// (InfluxDB) is away: a dry run needs the store, a push does not
		// (the server queues it, 202), so a push of several files goes on
		// as one file's does, checked here against the server's catalog
		// and against each other, not against the store.
		var unavailable error
		for _, name := range files {
			rep, err := pushFile(ctx, client, dryEndpoint.String(), token, name)
			if err != nil && rep == nil && !apply.DryRun && plancast.ErrorCode(err) == plancast.EUNAVAILABLE {
				unavailable = fmt.Errorf("check %s: %w", filepath.Base(name), err)
				break
			}
			if err != nil && rep == nil {
				return fmt.Errorf("check %s: %w; nothing was written", name, err)
			}
			if rep != nil && (apply.DryRun || err != nil) {
				reports = append(reports, rep)
			}
			if err != nil {
				failed++
			}
		}
		if failed == 0 && together != nil {
			// Each file passes on its own, but they disagree: refused
			// as the store path refuses them, in its words.
			if werr := together.WriteText(stdout); werr != nil {
				return werr
			}
			return togetherErr
		}
		for _, rep := range reports {
			if werr := rep.WriteText(stdout); werr != nil {
				return werr
			}
		}
		switch {
		case failed > 0:
			return plancast.Errorf(plancast.EINVALID, "nothing was written: %d of %d files have problems", failed, len(files))
		case apply.DryRun:
			return nil
		}
		if unavailable != nil {
			fmt.Fprintf(stdout, "note: the server could not check the files against its store (%v); they were checked here against its regions and indicators and against each other, and are pushed now for the server to queue, a file at a time\n", unavailable)
		}
	}

	for i, name := range files {
		rep, err := pushFile(ctx, client, endpoint.String(), token, name)
		if rep != nil {
			if werr := writeFileReport(stdout, rep, i > 0 && err != nil); werr != nil {
				return werr
			}
		}
		if err == nil {
			continue
		}
		if rep == nil {
			err = fmt.Errorf("push %s: %w", name, err)
		} else {
			err = plancast.Errorf(plancast.EINVALID, "%s has problems", name)
		}
		if i == 0 {
			return fmt.Errorf("nothing was written: %w", err)
		}
		msg := fmt.Sprintf("%v; written before it: %s", err, fileList(files[:i]))
		if rest := files[i+1:]; len(rest) > 0 {
			msg += "; not sent: " + fileList(rest)
		}
		return plancast.Errorf(plancast.ErrorCode(err), "%s", msg)
	}
	return nil
}

// serverCatalog is the regions and indicators the server at base knows,
// read with token (any token opens the reads).
func serverCatalog(ctx context.Context, client *http.Client, base, token string) (ingest.Catalog, error) {
	var regions struct {
		Regions []plancast.Region `json:"regions"`
	}
	var indicators struct {
		Indicators []plancast.Indicator `json:"indicators"`
	}
	if err := getServerJSON(ctx, client, base, "/api/v1/regions", token, &regions); err != nil {
		return ingest.Catalog{}, err
	}
	if err := getServerJSON(ctx, client, base, "/api/v1/indicators", token, &indicators); err != nil {
		return ingest.Catalog{}, err
	}
	return ingest.Catalog{Regions: regions.Regions, Indicators: indicators.Indicators}, nil
}

// getServerJSON reads the JSON answer of GET base+path into v.
func getServerJSON(ctx context.Context, client *http.Client, base, path, token string, v any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, strings.TrimRight(base, "/")+path, nil)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Accept", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	if err != nil {
		return fmt.Errorf("read the answer to GET %s: %w", path, err)
	}
	if resp.StatusCode != http.StatusOK {
		return serverError(resp.Status, data)
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("GET %s: %w", path, err)
	}
	return nil
}

// writeFileReport writes one file's report; when earlier files of the push
// were written, its "nothing was written" is said of its file only.
//
// A push the server queued (202: its store, InfluxDB, is unavailable, and
// the server keeps the batch in its spool) says so on its counts line: it
// read "0 new, 0 revised, 0 unchanged, 0 rejected", as if the file held
// nothing, and a careful bureau pushed it again.
func writeFileReport(w io.Writer, rep *ingest.Report, earlierWritten bool) error {
	if rep.Queued+rep.Targets.Queued == 0 {
		if earlierWritten {
			return rep.WriteTextAfterOthers(w)
		}
		return rep.WriteText(w)
	}
	var b strings.Builder
	if err := rep.WriteText(&b); err != nil {
		return err
	}
	_, rest, _ := strings.Cut(b.String(), "\n")
	lines := strings.SplitAfter(rest, "\n")
	if rep.Targets.Queued > 0 && len(lines) > 0 && strings.HasPrefix(lines[0], "targets: ") {
		lines = lines[1:] // said on the queued line
	}
	files := strings.Join(rep.Files, ", ")
	if files == "" {
		files = "push"
	}
	// The figures and the targets are queued as a batch each: /healthz's
	// store.queued counts batches, and a line of figures alone ("3 queued")
	// beside "queued": 1 read as two pushes lost.
	var what []string
	batches := 0
	if rep.Queued > 0 {
		what = append(what, plural(rep.Queued, "figure", "figures")+" queued")
		batches++
	}
	if rep.Targets.Queued > 0 {
		what = append(what, plural(rep.Targets.Queued, "target", "targets")+" queued")
		batches++
	}
	line := fmt.Sprintf("%s: %s, as %s (the server's store, InfluxDB, is unavailable; the server keeps the push in its spool and writes it when InfluxDB is back: GET /healthz shows the batches waiting, as store.queued)\n",
		files, strings.Join(what, ", "), plural(batches, "batch", "batches"))
	_, err := io.WriteString(w, line+strings.Join(lines, ""))
	return err
}

// fileList is "a.csv, b.csv".
func fileList(files []string) string {
	names := make([]string, len(files))
	for i, f := range files {
		names[i] = filepath.Base(f)
	}
	return strings.Join(names, ", ")
}

func pushFile(ctx context.Context, client *http.Client, endpoint, token, name string) (*ingest.Report, error) {
	body, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	u, err := url.Parse(endpoint)
	if err != nil {
		return nil, err
	}
	q := u.Query()
	q.Set("filename", filepath.Base(name)) // the server names the file in problems with it
	u.RawQuery = q.Encode()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u.String(), bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", ingest.ContentType(name))
	req.Header.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": filepath.Base(name)}))
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Accept", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 16<<20))
	if err != nil {
		return nil, fmt.Errorf("read answer: %w", err)
	}
	// The server answers {"report": {...}} on success, {"error": {...},
	// "report": {...}} when the batch has problems, and {"error": {...}} for
	// anything else (401, 403, 413, ...).
	var answer struct {
		Report *ingest.Report `json:"report"`
		Error  *errorAnswer   `json:"error"`
	}
	if err := json.Unmarshal(data, &answer); err != nil || (answer.Report == nil && answer.Error != nil) {
		return nil, serverError(resp.Status, data)
	}
	if answer.Report == nil {
		return nil, fmt.Errorf("server answered %s without a report", resp.Status)
	}
	rep := answer.Report
	if len(rep.Files) == 0 {
		rep.Files = []string{filepath.Base(name)}
	}
	if resp.StatusCode >= 300 || answer.Error != nil || len(rep.Problems) > 0 {
		return rep, plancast.Errorf(plancast.EINVALID, "%s rejected", name)
	}
	return rep, nil
}

// errorAnswer is the server's error envelope's content: {"error": {...}}.
type errorAnswer struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// serverError is the error a server answered with: its code and message
// when the body is the error envelope, else the status and the body's start.
func serverError(status string, body []byte) error {
	var answer struct {
		Error *errorAnswer `json:"error"`
	}
	if json.Unmarshal(body, &answer) == nil && answer.Error != nil && answer.Error.Message != "" {
		return &plancast.Error{Code: answer.Error.Code, Message: fmt.Sprintf("server answered %s: %s", status, answer.Error.Message)}
	}
	return fmt.Errorf("server answered %s with %q", status, truncate(string(body), 200))
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// hasFlag reports whether args carry -name or --name (with or without =value)
// before a "--".
func hasFlag(args []string, name string) bool {
	for _, a := range args {
		if a == "--" {
			return false
		}
		if !strings.HasPrefix(a, "-") {
			continue // a file name, even one called "report"
		}
		a = strings.TrimLeft(a, "-")
		if a == name || strings.HasPrefix(a, name+"=") {
			return true
		}
	}
	return false
}

// parseInterspersed parses flags given before, between or after the file
// names ("plancast ingest a.csv b.xlsx --dry-run") and returns the names.
// Everything after "--" is a name.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var names []string
	for {
		if err := parseFlagsBeforeArgs(fs, args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		consumed := len(args) - len(rest)
		if consumed > 0 && args[consumed-1] == "--" {
			return append(names, rest...), nil
		}
		if len(rest) == 0 {
			return names, nil
		}
		names = append(names, rest[0])
		args = rest[1:]
	}
}

// plural is "1 figure", "3 figures".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// unusedRegionNote says that --region did nothing: every figure and target
// the files hold names a region of its own. --region gives the region of
// tables that name none; a clerk who passed it to hold the push to one
// region was told nothing, and "6 new" of linfen went in under --region
// houma. "" when region is empty, was used, or the batch holds nothing.
func unusedRegionNote(region string, b *ingest.Batch) string {
	if region == "" || len(b.Observations)+len(b.Targets) == 0 {
		return ""
	}
	var named []string
	add := func(r string) bool {
		if r == region {
			return false
		}
		if !slices.Contains(named, r) {
			named = append(named, r)
		}
		return true
	}
	for _, o := range b.Observations {
		if !add(o.Region) {
			return ""
		}
	}
	for _, t := range b.Targets {
		if !add(t.Region) {
			return ""
		}
	}
	slices.Sort(named)
	return fmt.Sprintf("--region %s was not used: every row names its own region (%s); --region is the region of tables that name none, and does not hold a push to one region",
		region, strings.Join(named, ", "))
}
