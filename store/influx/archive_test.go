package influx_test

import (
	"path/filepath"
	"testing"

	"github.com/plancast/plancast/store/bolt"
	"github.com/plancast/plancast/store/influx/influxtest"
	"github.com/plancast/plancast/store/storetest"
)

// An embedded store that outgrew its file moves to InfluxDB through an
// archive, its whole history with it: every vintage and target version, and
// every read as of a past date.
func TestAnArchiveMovesTheEmbeddedStoreToInfluxDB(t *testing.T) {
	to := influxtest.Open(t) // skips without a server
	from, err := bolt.Open(filepath.Join(t.TempDir(), bolt.FileName))
	if err != nil {
		t.Fatal(err)
	}
	defer from.Close()
	storetest.CheckRebuilt(t, from, to, storetest.ArchiveFixture(t, from))
}
