// Package influxtest opens InfluxDB stores for tests against the real server
// that scripts/test.sh starts. PLANCAST_TEST_INFLUX_URL names it; without it,
// tests that need InfluxDB skip (plain "go test ./..."), while the README test
// command always sets it.
package influxtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/plancast/plancast/store/influx"
)

// DefaultBucket is used when PLANCAST_TEST_INFLUX_BUCKET is unset.
const DefaultBucket = "plancast_test/autogen"

// Config returns the test server's configuration with a fresh measurement
// prefix, so that every caller sees an empty dataset; it skips the test when
// no server is configured.
func Config(t testing.TB) influx.Config {
	t.Helper()
	u := os.Getenv("PLANCAST_TEST_INFLUX_URL")
	if u == "" {
		t.Skip("PLANCAST_TEST_INFLUX_URL is not set: InfluxDB tests run through scripts/test.sh")
	}
	bucket := os.Getenv("PLANCAST_TEST_INFLUX_BUCKET")
	if bucket == "" {
		bucket = DefaultBucket
	}
	if err := ensureDatabase(u, os.Getenv("PLANCAST_TEST_INFLUX_TOKEN"), bucket); err != nil {
		t.Fatalf("create test database for bucket %s: %v", bucket, err)
	}
	var b [6]byte
	rand.Read(b[:])
	return influx.Config{URL: u, Token: os.Getenv("PLANCAST_TEST_INFLUX_TOKEN"), Bucket: bucket, Prefix: "t" + hex.EncodeToString(b[:]) + "_"}
}

// Open opens a store on a fresh prefix and closes it when the test ends.
func Open(t testing.TB) *influx.Store {
	t.Helper()
	st, err := influx.Open(context.Background(), Config(t))
	if err != nil {
		t.Fatalf("open InfluxDB store: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// ensureDatabase creates the database part of a 1.8 "db/rp" bucket through
// the InfluxQL endpoint, with the shard-group duration the README asks for:
// one shard for every year plancast accepts. With InfluxDB's default of 7
// days every year written is a shard of its own, and every query over all
// time opens each: the tests' years 1900–2150 made a query late in a run
// 10–30 times slower than the same query alone (TestSeriesValuesOfMatchesSeriesSet
// 0.6 s alone, 8–17 s after the conformance suite), up to the store's 10 s
// timeout. CREATE DATABASE is idempotent; on a database that exists with
// other settings InfluxDB answers with an error in the body, which is
// ignored: the database is there.
func ensureDatabase(serverURL, token, bucket string) error {
	db, _, _ := strings.Cut(bucket, "/")
	form := url.Values{"q": {fmt.Sprintf("CREATE DATABASE %q WITH SHARD DURATION 14040w", db)}}
	req, err := http.NewRequest(http.MethodPost, strings.TrimRight(serverURL, "/")+"/query", strings.NewReader(form.Encode()))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if token != "" {
		req.Header.Set("Authorization", "Token "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("%s: %s", resp.Status, body)
	}
	return nil
}
