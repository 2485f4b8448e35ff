package storetest

import (
	"strings"
	"testing"

	"github.com/plancast/plancast"
)

// An archive file edited, replaced or cut short while it is imported (between
// the pass that checks it and the pass that writes it) is refused at the
// first part that differs, before that part is written: the store holds only
// what the check read. Once the file stays as it is, importing it again
// finishes the import, and the store reads as the file now does.
func testArchiveChangedDuringImport(t *testing.T, open Opener) {
	a := ArchiveFixture(t, open(t))
	// The fixture's series, as ArchiveFixture lists them: houma/gdp
	// (jan-nov), houma/gdp (year), zizhou/gdp, zizhou/unemployment_rate
	// (vintages 1, 2–7, 8, 9–10).
	for _, c := range []struct {
		name, part string
		change     func(a *plancast.Archive)
		written    int // vintages and versions written before the change is met (Batch 1)
	}{
		{"a figure of the third series", "series no. 3 (zizhou/gdp (year))", func(a *plancast.Archive) { a.Observations[7].Value += 1 }, 7},
		{"the catalog", "its catalog (regions and indicators)", func(a *plancast.Archive) { a.Regions[0].Name += " (renamed)" }, 0},
		{"its end", "its end (it now ends after 3 series, the check read 4)", func(a *plancast.Archive) { a.Observations = a.Observations[:8] }, 8},
		{"a target's value", "its list of targets' versions", func(a *plancast.Archive) { a.Targets[0].Value += 5 }, 10},
	} {
		t.Run(c.name, func(t *testing.T) {
			edited := changedCopy(a, c.change)
			reads := 0
			editedAfterTheCheck := func() (*plancast.ArchiveReader, error) {
				if reads++; reads == 1 {
					return a.Open()
				}
				return edited.Open()
			}

			to := open(t)
			res, err := plancast.ImportArchive(ctx, to, editedAfterTheCheck, plancast.ImportOptions{Batch: 1})
			wantCode(t, err, plancast.ECONFLICT)
			msg := plancast.ErrorMessage(err)
			if !strings.Contains(msg, "the archive changed while it was imported: "+c.part+" is not what the check read") {
				t.Errorf("the error %q does not name %q", msg, c.part)
			}
			if res.Written != c.written {
				t.Errorf("the refused import wrote %d vintages and versions, want the %d before the change", res.Written, c.written)
			}
			if c.written > 0 && !strings.Contains(err.Error(), "run the same import again to finish it") {
				t.Errorf("the error %q does not say the store holds part of the archive", err)
			}
			held, err := plancast.ExportArchive(ctx, to)
			if err != nil {
				t.Fatal(err)
			}
			if len(held.Observations)+len(held.Targets) != c.written {
				t.Errorf("the store holds %d vintages and %d target versions, want the %d written", len(held.Observations), len(held.Targets), c.written)
			}
			for i := range held.Observations {
				if d := diffAsImported(to, &plancast.Archive{Observations: a.Observations[i : i+1]}, &plancast.Archive{Observations: held.Observations[i : i+1]}); d != "" {
					t.Errorf("the store holds a vintage the check did not read: %s", d)
				}
			}

			if _, err := plancast.ImportArchive(ctx, to, edited.Open, plancast.ImportOptions{Batch: 1}); err != nil {
				t.Fatalf("the edited file imported again: %v", err)
			}
			now, err := plancast.ExportArchive(ctx, to)
			if err != nil {
				t.Fatal(err)
			}
			if d := diffAsImported(to, edited, now); d != "" {
				t.Errorf("after the second import the store differs from the edited file: %s", d)
			}
		})
	}
}

// diffAsImported is DiffArchives of an archive and the archive of the store
// it was imported into, the recorded times aside when the store could not be
// given them (it is no RecordedWriter: the import recorded them).
func diffAsImported(st plancast.Store, archived, stored *plancast.Archive) string {
	if _, keeps := st.(plancast.RecordedWriter); !keeps {
		archived, stored = WithoutRecorded(archived), WithoutRecorded(stored)
	}
	return plancast.DiffArchives(archived, stored)
}
