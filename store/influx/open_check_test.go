package influx_test

import (
	"context"
	"strings"
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/store/influx"
	"github.com/plancast/plancast/store/influx/influxtest"
)

// A bucket (1.8: database) that does not exist is caught when the store
// opens, naming it and how to create it; InfluxDB answers /ping whatever the
// bucket, so it was found by every request after the start, as a 500.
func TestOpenRefusesAMissingBucket(t *testing.T) {
	cfg := influxtest.Config(t)
	cfg.Bucket = "nosuchdb_" + strings.TrimSuffix(cfg.Prefix, "_") + "/autogen"
	st, err := influx.Open(context.Background(), cfg)
	if err == nil {
		st.Close()
		t.Fatalf("Open of bucket %s succeeded", cfg.Bucket)
	}
	t.Logf("refused: %v", err)
	if plancast.ErrorCode(err) != plancast.EUNAVAILABLE {
		t.Errorf("code %q, want unavailable (503)", plancast.ErrorCode(err))
	}
	for _, want := range []string{"has no bucket (database) \"" + cfg.Bucket + "\"", "--influx-bucket", "CREATE DATABASE nosuchdb_"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("the error does not say %q: %v", want, err)
		}
	}
}
