package plancast_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/store/bolt"
	"github.com/plancast/plancast/store/storetest"
)

// archiveStore is a store filled with storetest's archive fixture, and its
// archive read in memory.
func archiveStore(t *testing.T) (plancast.Store, *plancast.Archive) {
	t.Helper()
	st, err := bolt.Open(filepath.Join(t.TempDir(), bolt.FileName))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st, storetest.ArchiveFixture(t, st)
}

// WriteArchive streams the same archive ExportArchive builds in memory, and
// ArchiveReader reads it back series by series, each series once, in order.
func TestWriteArchiveStreamsWhatExportArchiveHolds(t *testing.T) {
	st, want := archiveStore(t)
	var buf bytes.Buffer
	var progress []plancast.ArchiveStats
	stats, err := plancast.WriteArchive(context.Background(), st, &buf, plancast.ExportOptions{Progress: func(s plancast.ArchiveStats) { progress = append(progress, s) }})
	if err != nil {
		t.Fatal(err)
	}
	if stats != want.Stats() {
		t.Errorf("WriteArchive counts %v, the archive holds %v", stats, want.Stats())
	}
	if len(progress) != stats.Series || progress[len(progress)-1].Vintages != stats.Vintages {
		t.Errorf("progress was told %v; want once per series, ending at %d vintages", progress, stats.Vintages)
	}
	var got plancast.Archive
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatalf("the archive is not JSON: %v", err)
	}
	if d := plancast.DiffArchives(want, &got); d != "" {
		t.Errorf("the streamed archive differs from ExportArchive's: %s", d)
	}

	ar, err := plancast.NewArchiveReader(&buf, nil)
	if err != nil {
		t.Fatal(err)
	}
	var read []plancast.Observation
	var keys []plancast.SeriesKey
	for {
		vs, err := ar.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		for i := range vs {
			if vs[i].Key().SeriesKey != vs[0].Key().SeriesKey {
				t.Fatalf("one Next returned two series: %v", vs)
			}
		}
		keys = append(keys, vs[0].Key().SeriesKey)
		read = append(read, vs...)
	}
	if len(keys) != stats.Series {
		t.Errorf("Next returned %d series, want %d", len(keys), stats.Series)
	}
	targets, err := ar.Targets()
	if err != nil {
		t.Fatal(err)
	}
	back := &plancast.Archive{Format: ar.Format, Regions: ar.Regions, Indicators: ar.Indicators, Observations: read, Targets: targets}
	if d := plancast.DiffArchives(want, back); d != "" {
		t.Errorf("read back series by series, the archive differs: %s", d)
	}
}

// versionMoves is a store whose data version changes between two reads, as
// when a push lands on InfluxDB during an export.
type versionMoves struct {
	plancast.Store
	reads int
}

func (v *versionMoves) DataVersion(ctx context.Context) (string, error) {
	v.reads++
	return strings.Repeat("v", v.reads), nil
}

func TestWriteArchiveRefusesAStoreThatChangedMeanwhile(t *testing.T) {
	st, _ := archiveStore(t)
	_, err := plancast.WriteArchive(context.Background(), &versionMoves{Store: st}, io.Discard, plancast.ExportOptions{})
	if plancast.ErrorCode(err) != plancast.ECONFLICT || !strings.Contains(err.Error(), "export again when no push lands") {
		t.Errorf("an export during which the data version moved: %v, want a conflict", err)
	}
}

// The reader takes the members in any order that puts the catalog before
// the figures, and refuses what would import differently from its store,
// saying where.
func TestArchiveReaderLayout(t *testing.T) {
	const catalog = `"format":"plancast-archive/1","regions":[{"code":"houma","name":"Houma","level":"county"}],"indicators":[]`
	vintage := func(region, indicator string, year int) string {
		return `{"region":"` + region + `","indicator":"` + indicator + `","year":` + strings.TrimSpace(jsonInt(year)) + `,"value":1,"status":"final","period":"year","source":{},"published":"2021-04-20"}`
	}
	readAll := func(doc string) (series int, targets int, err error) {
		ar, err := plancast.NewArchiveReader(strings.NewReader(doc), nil)
		if err != nil {
			return 0, 0, err
		}
		for {
			_, err := ar.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				return series, 0, err
			}
			series++
		}
		ts, err := ar.Targets()
		return series, len(ts), err
	}
	for _, c := range []struct {
		name, doc       string
		series, targets int
		wantErr         string
	}{
		{"targets first", `{"targets":[{"region":"houma","indicator":"gdp","plan":"p","kind":"level","year":2025,"value":250}],` + catalog +
			`,"observations":[` + vintage("houma", "gdp", 2019) + `,` + vintage("houma", "gdp", 2020) + `,` + vintage("houma", "gdp_growth", 2020) + `]}`, 2, 1, ""},
		{"no figures at all", `{` + catalog + `}`, 0, 0, ""},
		{"figures before the catalog", `{"format":"plancast-archive/1","observations":[]}`, 0, 0, `the archive's figures come before its "regions"`},
		{"an unknown member", `{` + catalog + `,"observation":[]}`, 0, 0, `unknown member "observation"`},
		{"a member twice", `{` + catalog + `,"regions":[]}`, 0, 0, `"regions" twice`},
		{"an unknown field of a vintage", `{` + catalog + `,"observations":[{"region":"houma","valeu":1}]}`, 0, 0, `vintage 1: json: unknown field "valeu"`},
		{"a series split in two", `{` + catalog + `,"observations":[` + vintage("houma", "gdp", 2019) + `,` + vintage("houma", "gdp_growth", 2019) + `,` + vintage("houma", "gdp", 2020) + `]}`,
			2, 0, `vintage 3: houma/gdp (year) comes after houma/gdp_growth (year)`},
		{"years out of order", `{` + catalog + `,"observations":[` + vintage("houma", "gdp", 2020) + `,` + vintage("houma", "gdp", 2019) + `]}`,
			0, 0, `vintage 2: houma/gdp (year) 2019 comes after 2020`},
		{"cut short", `{` + catalog + `,"observations":[` + vintage("houma", "gdp", 2020)[:40], 0, 0, `not a readable plancast archive at byte`},
		{"not JSON", `format: plancast`, 0, 0, `not a readable plancast archive at byte 0`},
		{"another format", `{"format":"plancast-archive/2","regions":[],"indicators":[]}`, 0, 0, `format "plancast-archive/2", want "plancast-archive/1"`},
	} {
		t.Run(c.name, func(t *testing.T) {
			series, targets, err := readAll(c.doc)
			if c.wantErr == "" {
				if err != nil || series != c.series || targets != c.targets {
					t.Errorf("read %d series and %d targets (%v); want %d and %d", series, targets, err, c.series, c.targets)
				}
				return
			}
			if plancast.ErrorCode(err) != plancast.EINVALID || !strings.Contains(plancast.ErrorMessage(err), c.wantErr) {
				t.Errorf("error %v; want EINVALID saying %q", err, c.wantErr)
			}
			if series != c.series {
				t.Errorf("read %d series before the error, want %d", series, c.series)
			}
		})
	}
}

// A file that cannot be read (a damaged gzip stream, a failing disk) is
// reported as that, not as a damaged archive.
func TestArchiveReaderKeepsTheReadError(t *testing.T) {
	broken := errors.New("disk went away")
	r := io.MultiReader(strings.NewReader(`{"format":"plancast-archive/1","regions":[`), iotest.ErrReader(broken))
	_, err := plancast.NewArchiveReader(r, nil)
	if !errors.Is(err, broken) || plancast.ErrorCode(err) == plancast.EINVALID {
		t.Errorf("reading through a failing reader: %v; want the reader's error", err)
	}
}

func jsonInt(n int) string {
	data, _ := json.Marshal(n)
	return string(data)
}
