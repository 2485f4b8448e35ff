package api

import (
	"context"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// Past the TTL, a crowd of callers asks the store once, not once each.
func TestVersionRefreshesOnceForACrowd(t *testing.T) {
	var calls atomic.Int32
	release := make(chan struct{})
	c := newAnswerCache(func(context.Context) (string, error) {
		n := calls.Add(1)
		if n > 1 {
			<-release // the refresh is slow
		}
		return strconv.Itoa(int(n)), nil
	}, time.Millisecond, 10)
	if v, _ := c.Version(context.Background()); v != "1" {
		t.Fatalf("first version %q", v)
	}
	time.Sleep(2 * time.Millisecond) // past the TTL
	go c.Version(context.Background())
	for calls.Load() < 2 {
		time.Sleep(time.Millisecond)
	}
	var wg sync.WaitGroup
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if v, _ := c.Version(context.Background()); v != "1" {
				t.Errorf("while refreshing, got %q, want the stale 1", v)
			}
		}()
	}
	wg.Wait()
	close(release)
	if n := calls.Load(); n != 2 {
		t.Fatalf("the store was asked %d times, want 2", n)
	}
}

// A refresh that began before Invalidate is not trusted afterwards: the
// server's own push is never followed by an answer from older data.
func TestInvalidateDuringARefreshIsNotLost(t *testing.T) {
	var calls atomic.Int32
	started, release := make(chan struct{}), make(chan struct{})
	c := newAnswerCache(func(context.Context) (string, error) {
		n := calls.Add(1)
		if n == 1 {
			close(started)
			<-release
			return "old", nil
		}
		return "new", nil
	}, time.Hour, 10)
	done := make(chan string)
	go func() { v, _ := c.Version(context.Background()); done <- v }()
	<-started
	c.Invalidate() // a push landed while the version was being read
	close(release)
	<-done
	if v, _ := c.Version(context.Background()); v != "new" {
		t.Fatalf("after Invalidate, Version = %q, want the store asked again", v)
	}
}
