package plancast

import (
	"fmt"
	"slices"
	"testing"
)

// The as-of bulk read goes in chunks of one indicator, each key once, at
// most the chunk's size; a store that reads in bulk gets one chunk per
// indicator, its yearly and partial-year series together.
func TestIndicatorChunksKeepEveryKeyOnce(t *testing.T) {
	var keys []SeriesKey
	for r := range 450 {
		region := fmt.Sprintf("r%03d", r)
		keys = append(keys, SeriesKey{Region: region, Indicator: "gdp", Period: PeriodYear}, SeriesKey{Region: region, Indicator: "gdp", Period: "jan-nov"})
		if r%3 == 0 {
			keys = append(keys, SeriesKey{Region: region, Indicator: "retail_sales", Period: PeriodYear})
		}
	}
	keys = append(keys, keys[:10]...) // repeated keys are read once
	chunks := indicatorChunks(keys, 200)
	seen := map[SeriesKey]bool{}
	var sizes []int
	for _, c := range chunks {
		sizes = append(sizes, len(c))
		for _, k := range c {
			if k.Indicator != c[0].Indicator || seen[k] {
				t.Fatalf("chunk %v mixes series or repeats %v", c, k)
			}
			seen[k] = true
		}
	}
	if want := []int{200, 200, 200, 200, 100, 150}; !slices.Equal(sizes, want) || len(seen) != 450*2+150 {
		t.Fatalf("chunk sizes %v (%d keys), want %v (1,050 keys)", sizes, len(seen), want)
	}
	sizes = nil
	for _, c := range indicatorChunks(keys, len(keys)) {
		sizes = append(sizes, len(c))
	}
	if want := []int{900, 150}; !slices.Equal(sizes, want) {
		t.Fatalf("in bulk, chunk sizes %v, want one per indicator %v", sizes, want)
	}
}
