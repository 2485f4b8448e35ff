// Command influxpeer is the peer of plancast's ingest benchmark: it writes
// the observations of a long CSV (region,indicator,year,value,status,published)
// to InfluxDB with influxdb-client-go's own batched write API, as the same
// points plancast's store writes (measurement, tags and fields of
// store/influx), and prints rows per second. No parsing of units or names,
// no validation, no revision check: the raw client rate to compare with.
//
//	go run ./bench/influxpeer --url http://127.0.0.1:8086 --bucket peer/autogen FILE.csv
package main

import (
	"encoding/csv"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"time"

	influxdb2 "github.com/influxdata/influxdb-client-go/v2"
)

func main() {
	url := flag.String("url", "http://127.0.0.1:8086", "InfluxDB URL (loopback)")
	bucket := flag.String("bucket", "peer/autogen", "bucket (database/retention-policy for 1.8)")
	batch := flag.Uint("batch", 5000, "points per write request (the client's default)")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: influxpeer [flags] FILE.csv")
		os.Exit(2)
	}
	if err := run(*url, *bucket, *batch, flag.Arg(0)); err != nil {
		fmt.Fprintln(os.Stderr, "influxpeer:", err)
		os.Exit(1)
	}
}

func run(url, bucket string, batch uint, file string) error {
	f, err := os.Open(file)
	if err != nil {
		return err
	}
	defer f.Close()
	r := csv.NewReader(f)
	header, err := r.Read()
	if err != nil {
		return err
	}
	col := map[string]int{}
	for i, h := range header {
		col[h] = i
	}
	client := influxdb2.NewClientWithOptions(url, "", influxdb2.DefaultOptions().SetBatchSize(batch).SetPrecision(time.Nanosecond))
	defer client.Close()
	w := client.WriteAPI("", bucket)
	var writeErr error
	errsRead := make(chan struct{})
	go func() {
		defer close(errsRead)
		for err := range w.Errors() {
			if writeErr == nil {
				writeErr = err
			}
		}
	}()
	start := time.Now()
	vintage := strconv.FormatInt(start.UnixNano(), 10)
	rows := 0
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		year, _ := strconv.Atoi(rec[col["year"]])
		value, _ := strconv.ParseFloat(rec[col["value"]], 64)
		status, published := "final", "2026-01-01"
		if i, ok := col["status"]; ok {
			status = rec[i]
		}
		if i, ok := col["published"]; ok {
			published = rec[i]
		}
		w.WritePoint(influxdb2.NewPoint("observation",
			map[string]string{"region": rec[col["region"]], "indicator": rec[col["indicator"]], "period": "year", "vintage": vintage},
			map[string]any{"value": value, "status": status, "published": published, "source_document": file, "source_quote": ""},
			time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC)))
		rows++
	}
	// Flush returns once the last batch has left the client's queue, not
	// when InfluxDB has answered it; Close waits for that answer, so the
	// clock stops when every point is written, as plancast's does.
	w.Flush()
	client.Close()
	elapsed := time.Since(start)
	<-errsRead // Close closed the error channel
	if writeErr != nil {
		return writeErr
	}
	fmt.Printf("influx client batched write\trows=%d\tseconds=%.2f\trows/s=%.0f\n", rows, elapsed.Seconds(), float64(rows)/elapsed.Seconds())
	return nil
}
