package ingest

import (
	"fmt"
	"strings"
)

// A revisions download (GET /api/v1/series/{region}/{indicator}/revisions,
// as JSON, or format=csv or xlsx in either language) is the history of a
// series' figures: a row per vintage of each year, with the change from the
// vintage before, the revision from the first release and which vintage is
// served. Pushed back, it is refused as what it is, whole, naming how to
// push figures instead. Why refused rather than read: its rows are not
// figures to push. A year revised once is two rows with two values, the
// first of which was replaced long ago; a withdrawal is a row without a
// value; each carries the past's published date, so that an edited row
// would be written as a revision dated in the past, slipped in between
// vintages the store already holds, and a download taken as_of a past date
// would, read as figures, send stale values back as if new. The series
// download (GET .../series/{region}/{indicator}?format=csv) is the one that
// goes back in as it is; a row changed in it is a revision when it is dated
// today, and refused when it keeps the date of the vintage it changes, for
// the same reason (checkRestatedFigures, restated.go). The table was answered `the column "served" is not
// one plancast reads; did you mean "series"?`, the JSON "holds no figures or
// targets", and the Chinese table was read as figures, every vintage of it.

// revisionsColumns are the headers only a revisions download has (api's
// revisionHeaders, in English and Chinese), folded: its "served" column, its
// "revision" column (from the first release), its "change" column (from the
// vintage before) and its "vintage" column (the vintage's number). A table
// with two of them is such a download, whichever two: a bureau that deleted
// the served column (or the revision column) before pushing the download
// back got the first cell of its vintage column, 1, refused as a date
// ("vintage" is a published column's other name), and the Chinese table
// was read as figures. One alone is not enough: a bureau's own table may
// have a change or a revision column. The vintage column counts only beside
// a published column of another name, as the download's is: alone, a
// "vintage" column is the figures' published date.
var revisionsColumns = [4][]string{
	{fold("served"), fold("当前采用")},
	{fold("revision"), fold("较首次发布修订幅度")},
	{fold("change"), fold("较上一版本变化")},
	{fold("vintage"), fold("版本")},
}

// revisionsVintage is revisionsColumns' index of the vintage column.
const revisionsVintage = 3

// revisionsDownload reports whether a header's columns are a revisions
// download's: two or more of revisionsColumns.
func revisionsDownload(cols []column) bool {
	var found [len(revisionsColumns)]bool
	published := false // a published column not headed "vintage"
	for _, c := range cols {
		h := fold(c.header)
		if c.field == fieldPublished && h != revisionsColumns[revisionsVintage][0] {
			published = true
		}
		for i, names := range revisionsColumns {
			for _, n := range names {
				if h == n {
					found[i] = true
				}
			}
		}
	}
	found[revisionsVintage] = found[revisionsVintage] && published
	n := 0
	for _, f := range found {
		if f {
			n++
		}
	}
	return n >= 2
}

// revisionsMessage says what a revisions download is and how to push
// figures instead; series is "houma/gdp" when the file names it, else "".
func revisionsMessage(series string) string {
	path := "{region}/{indicator}"
	if series != "" {
		path = series
	}
	return fmt.Sprintf("this is a revisions download (GET /api/v1/series/%[1]s/revisions, 修订记录), "+
		"the history of the figures: every vintage of each year with its change and revision, not figures to push, "+
		"so nothing of it was read; to push figures, download the series (GET /api/v1/series/%[1]s?format=csv), "+
		"change its values, date each changed row today (write today's date in its published cell, or clear the cell: "+
		"a changed row keeping the date of the vintage it changes is refused, since it would rewrite what answers as of that date gave) "+
		"and push that, or push a table with region, indicator, year and value columns", path)
}

// revisionsAnswer reports whether a top-level JSON object's keys are a
// revisions answer's: its "years" (each with its vintages) and its
// "summary", and no list of figures.
func revisionsAnswer(keys []string) bool {
	var years, summary bool
	for _, k := range keys {
		switch strings.ToLower(k) {
		case "years":
			years = true
		case "summary":
			summary = true
		case "observations", "targets":
			return false
		}
	}
	return years && summary
}
