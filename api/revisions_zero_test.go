package api_test

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
)

// The revisions download's About sheet writes a mean revision that rounds
// to zero without a sign: 10,500 revised to 10,499.99 is a revision of
// −0.0001%, "+0.00%" as for a series without any, not "-0.00%".
func TestTheRevisionsAboutWritesAMeanRevisionThatRoundsToZeroWithoutASign(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	s := startServer(t, st, api.Config{})
	admin := token(t, st, plancast.Token{Admin: true})
	for _, push := range []string{
		`{"observations":[{"region":"zizhou","indicator":"retail_sales","year":2024,"value":10500,"published":"2025-03-20"}]}`,
		`{"observations":[{"region":"zizhou","indicator":"retail_sales","year":2024,"value":10499.99,"published":"2025-09-01"}]}`,
	} {
		if r := s.do("POST", "/api/v1/observations", "application/json", admin, []byte(push)); r.status != 200 {
			t.Fatalf("push %s: %d %s", push, r.status, r.body)
		}
	}
	x := s.get("/api/v1/series/zizhou/retail_sales/revisions?format=xlsx")
	f, err := excelize.OpenReader(bytes.NewReader(x.body))
	if err != nil {
		t.Fatalf("revisions XLSX: %d, %v", x.status, err)
	}
	defer f.Close()
	rows, err := f.GetRows(f.GetSheetList()[1])
	if err != nil {
		t.Fatal(err)
	}
	about := map[string]string{}
	for _, r := range rows {
		if len(r) == 2 {
			about[r[0]] = r[1]
		}
	}
	if got := about["Mean revision (MR)"]; got != "+0.00%" {
		t.Errorf("MR %q, want +0.00%% (about: %q)", got, about)
	}
	if got := about["Mean absolute revision (MAR)"]; got != "0.00%" {
		t.Errorf("MAR %q, want 0.00%%", got)
	}
}
