package api

import (
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/ingest"
	"github.com/plancast/plancast/ingest/report"
)

// maxReportBytes bounds a report's text; the longest real work reports are
// well under 1 MB of UTF-8.
const maxReportBytes = 4 << 20

// ExtractResponse answers POST /api/v1/reports/extract.
type ExtractResponse struct {
	*report.Extraction
	// Charset is the character set the text was read in, named as a
	// client names it ("UTF-8", "GB18030", "UTF-16LE", "BIG5"; a GBK or
	// GB2312 text is read as GB18030, which holds both), and CharsetReason
	// why (its byte-order mark, a declaration, the bytes themselves): a
	// reading in the wrong one finds nothing, so that the caller can tell
	// an empty answer from a misread text. Empty reasons are left out (a
	// text sniffed as UTF-8, which needs none).
	Charset       string `json:"charset"`
	CharsetReason string `json:"charset_reason,omitempty"`
	// Report is what committing the accepted candidates did (?commit=true only).
	Report *ingest.Report `json:"report,omitempty"`
	Error  *ErrorBody     `json:"error,omitempty"`
}

// postReportExtract reads candidate figures and targets out of a report's text
// (text/plain or text/html), in the character set its charset parameter
// declares, or else its HTML meta tag, or else found from the bytes (UTF-8,
// UTF-16, GB18030; see report.Extract); a text that cannot be read in any is
// refused with 400 rather than read as nothing. ?region= is required; ?year=
// overrides the inferred year; ?commit=true writes the accepted candidates
// through the validated ingest path and needs a write token for the region.
// Without commit it writes nothing but still reads the catalog (the candidates
// name its indicators, a missed region code is answered with the codes it
// might have been), so on a server that asks a read token it needs one, as the
// read routes do (the token or the sign-in cookie, or a write token). The
// token is checked before the region is looked up, so that no answer about the
// catalog goes out without it.
func (s *Server) postReportExtract(c echo.Context) error {
	ctx := c.Request().Context()
	mt, params, _ := mime.ParseMediaType(c.Request().Header.Get(echo.HeaderContentType))
	// application/x-www-form-urlencoded is what curl --data-binary @report.txt
	// sends unless told otherwise; the body is the report's text all the same.
	if mt != "text/plain" && mt != "text/html" && mt != "" && mt != echo.MIMEApplicationForm {
		return unsupportedType(mt, "text/plain", "text/html")
	}
	regionCode := c.QueryParam("region")
	if regionCode == "" {
		return plancast.Errorf(plancast.EINVALID, "region= is required: the region the report is about")
	}
	commit, err := boolParam(c, "commit")
	if err != nil {
		return err
	}
	acceptJumps, err := boolParam(c, "accept_jumps")
	if err != nil {
		return err
	}
	var tok *plancast.Token
	switch {
	case commit:
		if tok, err = s.writeToken(c); err != nil {
			return err
		}
		if err := authorizeRegions(tok, map[string]bool{regionCode: true}); err != nil {
			return err
		}
	default:
		if err := s.checkRead(c); err != nil {
			return err
		}
	}
	if _, err := s.region(c, regionCode); err != nil {
		return err
	}
	if commit {
		if err := s.checkIfMatch(c); err != nil {
			return err
		}
	}
	year := 0
	if v := c.QueryParam("year"); v != "" {
		y, err := strconv.Atoi(v)
		if err != nil || y < plancast.MinYear || y > plancast.MaxYear {
			return plancast.Errorf(plancast.EINVALID, "year=%q must be a year from %d to %d", v, plancast.MinYear, plancast.MaxYear)
		}
		year = y
	}
	doc := c.QueryParam("document")
	if doc == "" {
		doc = "report text"
	}
	body := &countedBody{r: c.Request().Body}
	text, err := io.ReadAll(io.LimitReader(body, maxReportBytes+1))
	if err != nil {
		return s.uploadCut(c.Request(), doc, body.n, err)
	}
	if len(text) > maxReportBytes {
		return echo.NewHTTPError(http.StatusRequestEntityTooLarge, fmt.Sprintf(
			"the report text is larger than this route's limit of %s (a work report's text is well under 1 MB); send its text alone, without images or other documents",
			humanBytes(maxReportBytes)))
	}
	indicators, err := s.cfg.Store.Indicators(ctx)
	if err != nil {
		return err
	}
	ex, err := report.Extract(text, report.Options{Region: regionCode, Year: year, Document: doc, Indicators: indicators, Charset: params["charset"]})
	if err != nil {
		return err
	}
	resp := ExtractResponse{Extraction: ex, Charset: strings.ToUpper(ex.Charset), CharsetReason: ex.CharsetReason}
	if !commit {
		return c.JSON(http.StatusOK, resp)
	}
	obs, ts := ex.Accepted()
	b := &ingest.Batch{Files: []string{doc}, Observations: obs, Targets: ts}
	if err := authorizeBatch(tok, b, indicators); err != nil {
		return err
	}
	rep, err := ingest.Apply(ctx, s.cfg.Store, b, ingest.ApplyOptions{AcceptJumps: acceptJumps})
	if err != nil && !(rep != nil && plancast.ErrorCode(err) == plancast.EINVALID) {
		return err
	}
	resp.Report = rep
	if err != nil {
		resp.Error = &ErrorBody{Code: plancast.EINVALID, Message: plancast.ErrorMessage(err)}
		return c.JSON(http.StatusBadRequest, resp)
	}
	if rep.Written() {
		s.cache.Invalidate()
	}
	return c.JSON(pushedStatus(rep), resp)
}
