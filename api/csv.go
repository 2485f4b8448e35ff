package api

import (
	"encoding/csv"
	"fmt"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"
)

// safeCell neutralises a text cell that a spreadsheet would run as a formula
// (a leading =, +, - or @, or a tab or carriage return) by prefixing a quote,
// as OWASP advises for CSV injection. Numbers are written by strconv and are
// never text cells, so "-3.5" stays a number.
func safeCell(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}

func writeSeriesCSV(c echo.Context, r SeriesResponse) error {
	h := c.Response().Header()
	h.Set(echo.HeaderContentType, "text/csv; charset=utf-8")
	h.Set(echo.HeaderContentDisposition, fmt.Sprintf(`attachment; filename="%s_%s_%s.csv"`, r.Region, r.Indicator, r.Units))
	c.Response().WriteHeader(http.StatusOK)
	w := csv.NewWriter(c.Response())
	_ = w.Write([]string{"region", "indicator", "year", "period", "value", "unit", "status", "published", "source_document", "source_quote"})
	for _, o := range r.Observations {
		_ = w.Write([]string{
			safeCell(o.Region), safeCell(o.Indicator), strconv.Itoa(o.Year), safeCell(o.Period),
			strconv.FormatFloat(o.Value, 'g', -1, 64), safeCell(r.Unit), safeCell(o.Status), o.Published.String(),
			safeCell(o.Source.Document), safeCell(o.Source.Quote),
		})
	}
	w.Flush()
	return w.Error()
}
