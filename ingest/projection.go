package ingest

import "fmt"

// A projection download (GET /api/v1/series/{region}/{indicator}/projection
// ?format=csv or xlsx, in either language; the dashboard links it as each
// chart's "CSV" and "Excel") is a series' figures followed by its projected
// years and the year in progress as its months so far project it: a row per
// year with a kind (observed, projected, year_to_date) and the 80% and 95%
// intervals of the projected ones. Pushed back, it is refused whole, as
// what it is, naming the download to push instead, as a revisions download
// is (revisions.go): its projected and year_to_date rows are not figures,
// and read as figures they would be stored as the years' values. It was
// taken for a targets table (its kind column) and answered "the header
// has no plan column", which sent a clerk to add one.

// projectionColumns are the interval columns only a projection download
// has (api's projectionHeaders, in English and Chinese), folded. A table
// with two of them is such a download: one alone could be a bureau's own.
var projectionColumns = [4][]string{
	{fold("lo80"), fold("80%区间下限")},
	{fold("hi80"), fold("80%区间上限")},
	{fold("lo95"), fold("95%区间下限")},
	{fold("hi95"), fold("95%区间上限")},
}

// projectionDownload reports whether a header's columns are a projection
// download's: two or more of projectionColumns.
func projectionDownload(cols []column) bool {
	var found [len(projectionColumns)]bool
	for _, c := range cols {
		h := fold(c.header)
		for i, names := range projectionColumns {
			for _, n := range names {
				if h == n {
					found[i] = true
				}
			}
		}
	}
	n := 0
	for _, f := range found {
		if f {
			n++
		}
	}
	return n >= 2
}

// projectionMessage says what a projection download is and what to push
// instead.
func projectionMessage() string {
	return fmt.Sprintf("this is a projection download (GET /api/v1/series/%[1]s/projection, the chart's CSV or Excel, 预测), "+
		"the figures with the projected years and the year in progress as its months so far project it: its projected and year_to_date rows "+
		"are projections, not figures, so nothing of it was read; to push figures, download the series (GET /api/v1/series/%[1]s?format=csv), "+
		"change its values and push that, or push a table with region, indicator, year and value columns", "{region}/{indicator}")
}
