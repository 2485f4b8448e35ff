package api

import (
	"bufio"
	"cmp"
	"errors"
	"fmt"
	"io"
	"maps"
	"mime"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/ingest"
)

// PushResponse answers a push: the ingest report, and on failure the error
// envelope every error answer has.
type PushResponse struct {
	Error  *ErrorBody     `json:"error,omitempty"`
	Report *ingest.Report `json:"report"`
}

var pushTypes = []string{ingest.ContentTypeJSON, ingest.ContentTypeCSV, ingest.ContentTypeXLSX}

func (s *Server) postObservations(c echo.Context) error {
	// A body that holds nothing is refused by ingest.Apply, naming the file.
	return s.push(c, false, func(*ingest.Batch) error { return nil })
}

// push authenticates, parses the body in its format, checks the token's
// regions, and applies the batch all or nothing (?dry_run=true writes nothing).
func (s *Server) push(c echo.Context, targets bool, check func(*ingest.Batch) error) error {
	ctx := c.Request().Context()
	tok, err := s.writeToken(c)
	if err != nil {
		return err
	}
	if err := s.checkIfMatch(c); err != nil {
		return err
	}
	ct := c.Request().Header.Get(echo.HeaderContentType)
	mt, _, _ := mime.ParseMediaType(ct)
	switch mt {
	case ingest.ContentTypeJSON, ingest.ContentTypeCSV, ingest.ContentTypeXLSX, "application/csv":
	default:
		return unsupportedType(ct, pushTypes...)
	}
	regions, err := s.cfg.Store.Regions(ctx)
	if err != nil {
		return err
	}
	indicators, err := s.cfg.Store.Indicators(ctx)
	if err != nil {
		return err
	}
	opt := ingest.Options{Sheet: c.QueryParam("sheet"), MaxRows: s.cfg.MaxRows}
	if opt.AllSheets, err = boolParam(c, "all_sheets"); err != nil { // every sheet of a workbook that holds a table
		return err
	}
	if opt.AllSheets && opt.Sheet != "" {
		return plancast.Errorf(plancast.EINVALID, "sheet=%s and all_sheets=true ask for one sheet and for every sheet: give one of them", opt.Sheet)
	}
	if !targets {
		// A plan's targets table without plan and kind columns (指标,
		// 2020年, 2025年, 年均增长, 属性) pushed as figures is refused,
		// pointing to the targets route, unless the push says it takes
		// it as targets (plan_tables=true, as plancast ingest --server does).
		planTables, err := boolParam(c, "plan_tables")
		if err != nil {
			return err
		}
		opt.RefusePlanTables = !planTables
	}
	if opt.Published, err = publishedParam(c); err != nil { // the date of figures and targets that carry none of their own
		return err
	}
	switch r := c.QueryParam("region"); {
	case r != "":
		if !tok.MayWrite(r) {
			return plancast.Errorf(plancast.EFORBIDDEN, "the token may not write region %q", r)
		}
		opt.Region = r // rows that name no region belong to it
	case !tok.Admin:
		opt.Region = tok.Region // a table without a region column belongs to the token's region
	}
	name := c.QueryParam("filename")
	if name == "" {
		name = "upload"
	}
	counted := &countedBody{r: c.Request().Body}
	head := bufio.NewReaderSize(counted, 4096)
	// A short body ends before the head (io.EOF); any other error is a body
	// cut short, said here, since a bufio.Reader gives its error once.
	if h, err := head.Peek(sniffedHead); err != nil && !errors.Is(err, io.EOF) {
		return s.uploadCut(c.Request(), name, counted.n, err)
	} else if err := bodyIsNot(name, mt, h); err != nil {
		return err
	}
	body := io.Reader(head)
	opt.TargetsList = targets
	b, err := ingest.Parse(name, mt, body, ingest.Catalog{Regions: regions, Indicators: indicators}, opt)
	if re := (*ingest.ReadError)(nil); errors.As(err, &re) {
		return s.uploadCut(c.Request(), name, counted.n, re.Err)
	}
	if err != nil {
		return err
	}
	if err := check(b); err != nil {
		return err
	}
	if err := authorizeBatch(tok, b, indicators); err != nil {
		return err
	}
	return s.applyBatch(c, b)
}

// pushedStatus is the status of a push the store took: 202 when some of it
// was queued (accepted durably, written when the store returns; the report
// says how many), else 200. Every push route answers with it.
func pushedStatus(rep *ingest.Report) int {
	if rep.Queued+rep.Targets.Queued > 0 {
		return http.StatusAccepted
	}
	return http.StatusOK
}

// applyBatch applies a parsed batch all or nothing (?dry_run=true only
// counts) and answers with the ingest report: 200, 202 when the spool took
// it, 400 with the report's problems when the batch is invalid.
func (s *Server) applyBatch(c echo.Context, b *ingest.Batch) error {
	dryRun, err := boolParam(c, "dry_run")
	if err != nil {
		return err
	}
	acceptJumps, err := boolParam(c, "accept_jumps")
	if err != nil {
		return err
	}
	rep, err := ingest.Apply(c.Request().Context(), s.cfg.Store, b, ingest.ApplyOptions{DryRun: dryRun, AcceptJumps: acceptJumps})
	if rep != nil && err == nil && rep.Written() {
		s.cache.Invalidate()
	}
	switch {
	case err == nil:
		return c.JSON(pushedStatus(rep), PushResponse{Report: rep})
	case rep != nil && plancast.ErrorCode(err) == plancast.EINVALID:
		return c.JSON(http.StatusBadRequest, PushResponse{Error: &ErrorBody{Code: plancast.EINVALID, Message: plancast.ErrorMessage(err)}, Report: rep})
	default:
		return err
	}
}

// authorizeBatch checks that the token may write every region the batch
// touches; declaring a new indicator is fine for any writer, changing an
// existing one needs an admin token (indicators are shared by all regions).
//
// A row of a region the token may not write is named with its file, row and
// column, and the rows of other regions are counted with the regions they
// are of, so that the bureau finds them in a file of many rows (a 403
// naming only the region did not), and the answer says how to push them.
//
// Regions declared (a catalog's "regions") are not rows: declaring a region
// other than the token's own needs an admin token, and the 403 says so; it
// counted them as "rows of this push of other regions".
func authorizeBatch(tok *plancast.Token, b *ingest.Batch, indicators []plancast.Indicator) error {
	rows := *b
	rows.Regions = nil
	if out := rows.RowsOutside(tok.MayWrite); out.Rows > 0 {
		return plancast.Errorf(plancast.EFORBIDDEN, "the token may write region %q only, not %q (%s); %s; nothing was written: "+
			"push those rows with a token of their region (or an admin token), or leave them out",
			tok.Region, out.Region, out.At, outsideRows(out.Rows, regionsOutside(&rows, tok.MayWrite)))
	}
	if out := b.RowsOutside(tok.MayWrite); out.Rows > 0 {
		declared := regionsOutside(b, tok.MayWrite)
		return plancast.Errorf(plancast.EFORBIDDEN, "declaring regions needs an admin token (plancast token create --admin): the push declares %s (%s), and the token is of region %q; nothing was written: "+
			"push the regions with an admin token, or leave them out",
			declaredRegions(declared), out.At, tok.Region)
	}
	if tok.Admin {
		return nil
	}
	existing := map[string]plancast.Indicator{}
	for _, i := range indicators {
		existing[i.Code] = i
	}
	for _, i := range b.Indicators {
		if old, ok := existing[i.Code]; ok && old.Normalized() != i.Normalized() {
			return plancast.Errorf(plancast.EFORBIDDEN, "changing the existing indicator %q needs an admin token", i.Code)
		}
	}
	return nil
}

// outsideRows says how many rows of a push are of regions the token may not
// write, and of which (regions: sorted): "1 row of this push is of
// zizhou", "2 rows of this push are of zizhou", "3 rows of this push are of
// other regions: guyang, zizhou". It said "2 rows of this push are of other
// regions" of two rows of zizhou.
func outsideRows(n int, regions []string) string {
	switch {
	case n == 1:
		return "1 row of this push is of " + regions[0]
	case len(regions) == 1:
		return fmt.Sprintf("%d rows of this push are of %s", n, regions[0])
	}
	return fmt.Sprintf("%d rows of this push are of other regions: %s", n, strings.Join(regions, ", "))
}

// declaredRegions is "the region c0001", "2 regions: c0001, c0002", or
// the first five of more and how many others.
func declaredRegions(codes []string) string {
	switch {
	case len(codes) == 1:
		return "the region " + codes[0]
	case len(codes) <= 5:
		return fmt.Sprintf("%d regions: %s", len(codes), strings.Join(codes, ", "))
	}
	return fmt.Sprintf("%d regions: %s and %d more", len(codes), strings.Join(codes[:5], ", "), len(codes)-5)
}

// regionsOutside lists, sorted, the regions of b's figures, targets and
// declared regions that may reports false of.
func regionsOutside(b *ingest.Batch, may func(region string) bool) []string {
	seen := map[string]bool{}
	note := func(region string) {
		if !may(region) {
			seen[region] = true
		}
	}
	for i := range b.Observations {
		note(b.Observations[i].Region)
	}
	for i := range b.Targets {
		note(b.Targets[i].Region)
	}
	for i := range b.Regions {
		note(b.Regions[i].Code)
	}
	return slices.Sorted(maps.Keys(seen))
}

// checkIfMatch implements optimistic concurrency for pushes: a client that
// read the data at version V (the X-Data-Version header of every read) and
// sends If-Match: "V" gets 409 conflict if anything changed since.
//
// The header may list versions ("41", "42"); one of them must be the data's.
// A value that is no data version (a chart's ETag, a weak tag W/"42", a
// word) is 400: a conflict would send the client to read again and fail
// the same way for ever.
func (s *Server) checkIfMatch(c echo.Context) error {
	header := strings.TrimSpace(c.Request().Header.Get("If-Match"))
	if header == "" || header == "*" {
		return nil
	}
	var want []string
	for _, v := range strings.Split(header, ",") {
		v = strings.TrimSpace(v)
		unquoted := strings.TrimSuffix(strings.TrimPrefix(v, `"`), `"`)
		if _, err := strconv.ParseUint(unquoted, 10, 64); err != nil || strings.Contains(unquoted, `"`) {
			return plancast.Errorf(plancast.EINVALID, "If-Match %s is not a data version: send the X-Data-Version header of a read (a number, as \"42\"), or * for any", v)
		}
		want = append(want, unquoted)
	}
	now, err := s.cfg.Store.DataVersion(c.Request().Context())
	if err != nil {
		return err
	}
	if !slices.Contains(want, now) {
		return plancast.Errorf(plancast.ECONFLICT, "the data changed since version %s (it is %s now): read again, then push", strings.Join(want, ", "), now)
	}
	return nil
}

// deleteObservation withdraws one figure: DELETE
// /api/v1/observations/{region}/{indicator}/{year}?period=&reason=&published=.
// The figure stops being served; its vintages stay readable with as_of, and
// the withdrawal is itself a vintage (plancast.StatusWithdrawn) carrying the
// reason. It goes through the same all-or-nothing path as a push (dry_run,
// If-Match), and answers with the ingest report; 404 when the figure is not
// served (never stored, or withdrawn already).
func (s *Server) deleteObservation(c echo.Context) error {
	ctx := c.Request().Context()
	w, err := s.withdrawalOf(c)
	if err != nil {
		return err
	}
	period, err := periodParam(c)
	if err != nil {
		return err
	}
	period = cmp.Or(period, plancast.PeriodYear)
	q := plancast.SeriesQuery{Region: w.region, Indicator: w.indicator, Period: period, From: w.year, To: w.year}
	if _, err := s.cfg.Store.Series(ctx, q); plancast.ErrorCode(err) == plancast.ENOTFOUND {
		return plancast.Errorf(plancast.ENOTFOUND, "%s/%s %d (%s) is not stored, or was withdrawn already: nothing to withdraw", w.region, w.indicator, w.year, period)
	} else if err != nil {
		return err
	}
	o := plancast.Observation{Region: w.region, Indicator: w.indicator, Year: w.year, Period: period,
		Status: plancast.StatusWithdrawn, Published: w.published, Source: w.source}
	return s.applyBatch(c, &ingest.Batch{Files: []string{"withdrawal"}, Observations: []plancast.Observation{o}})
}

// publishedParam reads ?published=, the vintage date of what a write
// brings; zero when it is not given.
func publishedParam(c echo.Context) (plancast.Date, error) { return dateParam(c, "published") }

// withdrawal is what every DELETE route names: a region the token may
// write, a catalogued indicator, a year, the date the withdrawal takes
// effect, and where it came from.
type withdrawal struct {
	region, indicator string
	year              int
	published         plancast.Date   // ?published=, today when not given
	source            plancast.Source // the route, and ?reason= as the quote
}

// withdrawalOf authenticates a DELETE, checks If-Match, and reads its
// {region}, {indicator}, {year} and ?published=. The date is settled here,
// not left to the store, so that a dry run judges the same withdrawal as
// the write.
func (s *Server) withdrawalOf(c echo.Context) (withdrawal, error) {
	tok, err := s.writeToken(c)
	if err != nil {
		return withdrawal{}, err
	}
	if err := s.checkIfMatch(c); err != nil {
		return withdrawal{}, err
	}
	region, err := s.region(c, c.Param("region"))
	if err != nil {
		return withdrawal{}, err
	}
	ind, err := s.lookupIndicator(c.Request().Context(), c.Param("indicator"))
	if err != nil {
		return withdrawal{}, err
	}
	if !tok.MayWrite(region.Code) {
		return withdrawal{}, plancast.Errorf(plancast.EFORBIDDEN, "the token may not write region %q", region.Code)
	}
	year, err := strconv.Atoi(c.Param("year"))
	if err != nil || year < plancast.MinYear || year > plancast.MaxYear {
		return withdrawal{}, plancast.Errorf(plancast.EINVALID, "year %q must be a year between %d and %d", c.Param("year"), plancast.MinYear, plancast.MaxYear)
	}
	published, err := publishedParam(c)
	if err != nil {
		return withdrawal{}, err
	}
	published = published.OrToday()
	return withdrawal{region: region.Code, indicator: ind.Code, year: year, published: published,
		source: plancast.Source{Document: "DELETE " + c.Request().URL.Path, Quote: c.QueryParam("reason")}}, nil
}
