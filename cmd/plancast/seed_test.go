package main

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/seed"
	"github.com/plancast/plancast/store/bolt"
)

// plancast seed run again after a seeded figure and a seeded target were
// revised (Houma's 2020 GDP from 120.8 to 124.2 on 2022-03-01, its 2025
// target from 250 to 230 on 2023-06-01) leaves the store as it was: the
// seed's rows, dated 2021-04-20, restate the vintage and the version of that
// day, so they count unchanged, are not stored again, and a note says so.
// Before, each seed counted "1 revised" twice and stored one more copy of
// the 2021-04-20 vintage and of the 250 version. serve --reseed loads
// through the same loadSeed.
func TestSeedAgainAfterARevisionStoresNoOldVintageAgain(t *testing.T) {
	dir := seededDir(t)
	ingestFiles(t, dir,
		[2]string{"revision.csv", "region,indicator,year,value,unit,published\nhouma,gdp,2020,124.2,亿元,2022-03-01\n"},
		[2]string{"review.csv", "region,indicator,plan,kind,year,value,base_year,unit,published\nhouma,gdp,14th-fyp,level,2025,230,2020,亿元,2023-06-01\n"})
	b, err := seed.Bundle()
	if err != nil {
		t.Fatal(err)
	}
	counts := fmt.Sprintf("observations 0 new / 0 revised / %d unchanged, targets 0 new / 0 revised / %d unchanged", len(b.Observations), len(b.Targets))
	for i := range 2 {
		out := mustRun(t, "seed", "--data-dir", dir)
		if !strings.Contains(out, counts) ||
			!strings.Contains(out, "houma gdp 2020: 120.8, growth 5.3% a year since 2015 (preliminary), published 2021-04-20, restates the vintage published 2021-04-20, which was revised on 2022-03-01 to 124.2") ||
			!strings.Contains(out, "houma gdp 14th-fyp level 2025: 250, dated 2021-04-20, restates the version set on 2021-04-20, which was replaced on 2023-06-01 by 230") {
			t.Errorf("seed %d after the revisions printed:\n%s\nwant %q and a note naming the restated vintage and version", i+1, out, counts)
		}
	}

	ctx := context.Background()
	st, err := bolt.Open(filepath.Join(dir, bolt.FileName))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	key := plancast.SeriesKey{Region: "houma", Indicator: "gdp", Period: plancast.PeriodYear}
	vintages, err := plancast.ReadVintagesOf(ctx, st, []plancast.SeriesKey{key})
	if err != nil {
		t.Fatal(err)
	}
	var of2020 []string
	for _, o := range vintages[key] {
		if o.Year == 2020 {
			of2020 = append(of2020, fmt.Sprintf("%g %s", o.Value, o.Published))
		}
	}
	if got, want := strings.Join(of2020, ", "), "120.8 2021-04-20, 124.2 2022-03-01"; got != want {
		t.Errorf("the vintages of houma gdp 2020 are %s; want %s", got, want)
	}
	versions, err := st.TargetVersions(ctx, plancast.TargetFilter{Region: "houma", Indicator: "gdp", Plan: "14th-fyp"})
	if err != nil {
		t.Fatal(err)
	}
	var of2025 []string
	for _, v := range versions {
		if v.Year == 2025 && v.Kind == plancast.TargetLevel {
			of2025 = append(of2025, fmt.Sprintf("%g %s", v.Value, v.Published))
		}
	}
	slices.Sort(of2025) // TargetVersions gives no order
	if got, want := strings.Join(of2025, ", "), "230 2023-06-01, 250 2021-04-20"; got != want {
		t.Errorf("the versions of houma gdp 14th-fyp level 2025 are %s; want %s", got, want)
	}
}
