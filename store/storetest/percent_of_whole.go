package storetest

import (
	"bytes"
	"testing"

	"github.com/plancast/plancast"
)

// Sewage is a rate in percent whose code does not say it is a percentage
// of a whole; its declaration does (percent_of_whole).
var Sewage = plancast.Indicator{Code: "sewage_treatment_rate", Name: "Urban sewage treatment rate", NameZh: "城市污水处理率",
	Unit: plancast.UnitPercent, Kind: plancast.KindRate, Better: plancast.BetterHigher, OfWhole: true}

// testDeclaredPercentOfWhole: an indicator declared a percentage of a whole
// is read back so from the store, and from a store rebuilt from its
// archive (a backup, a move to the other backend); a declaration without
// it replaces it, as any declaration replaces the one before.
func testDeclaredPercentOfWhole(t *testing.T, open Opener) {
	from := open(t)
	seedCatalog(t, from)
	if err := from.PutIndicators(ctx, []plancast.Indicator{Sewage}); err != nil {
		t.Fatal(err)
	}
	mustWrite(t, from, obs("houma", Sewage.Code, 2024, 99.9, april2021))
	wantSewage(t, from, "the store", true)

	var buf bytes.Buffer
	if _, err := plancast.WriteArchive(ctx, from, &buf, plancast.ExportOptions{}); err != nil {
		t.Fatal(err)
	}
	to := open(t)
	if _, err := plancast.ImportArchive(ctx, to, func() (*plancast.ArchiveReader, error) {
		return plancast.NewArchiveReader(bytes.NewReader(buf.Bytes()), nil)
	}, plancast.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	wantSewage(t, to, "the store rebuilt from its archive", true)

	undeclared := Sewage
	undeclared.OfWhole = false
	if err := from.PutIndicators(ctx, []plancast.Indicator{undeclared}); err != nil {
		t.Fatal(err)
	}
	wantSewage(t, from, "the store, declared again without it", false)
}

func wantSewage(t *testing.T, st plancast.Store, where string, whole bool) {
	t.Helper()
	inds, err := st.Indicators(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := Sewage
	want.OfWhole = whole
	for _, i := range inds {
		if i.Code == Sewage.Code {
			if i != want || i.PercentOfWhole() != whole {
				t.Errorf("%s reads %+v (a percent of a whole: %v), want %+v", where, i, i.PercentOfWhole(), want)
			}
			return
		}
	}
	t.Errorf("%s lacks %s: %+v", where, Sewage.Code, inds)
}
