package stream

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"
)

// blockingReader runs the consumer's blocking XREADGROUP on a connection
// of its own, on the master holding the stream, so that stopping can end
// the wait at once with CLIENT UNBLOCK instead of waiting out Block:
// go-redis does not abort a command in flight when its context is
// cancelled. An unblocked read returns as if it timed out, having taken
// nothing, so no entry is left read and unhandled; one that returns
// entries as the stop comes is handled (read dispatches what it got).
//
// A client it cannot pin a connection of (none in casebot: Client,
// Sentinel's failover Client and ClusterClient all can), or a server
// without CLIENT ID (miniredis, for the embedded demo), reads through the
// pool and stopping waits out at most one Block, as before.
type blockingReader struct {
	rdb redis.UniversalClient
	key string // the stream, to find its master in a Cluster

	mu    sync.Mutex
	noPin bool          // the pool it is (see above)
	node  *redis.Client // where conn lives, to send CLIENT UNBLOCK to
	conn  *redis.Conn
	id    int64 // conn's CLIENT ID
}

var errNoPin = errors.New("client cannot pin a connection")

// read runs one XREADGROUP on the pinned connection (opening it if need
// be). A connection that failed is dropped, and the next read opens
// another (after a failover, on the new master).
func (b *blockingReader) read(ctx context.Context, args *redis.XReadGroupArgs) ([]Entry, error) {
	conn, err := b.open(ctx)
	if errors.Is(err, errNoPin) {
		return entries(b.rdb.XReadGroup(ctx, args).Result())
	}
	if err != nil {
		return nil, err
	}
	es, err := entries(conn.XReadGroup(ctx, args).Result())
	if err != nil {
		b.close()
	}
	return es, err
}

func (b *blockingReader) open(ctx context.Context) (*redis.Conn, error) {
	b.mu.Lock()
	conn, noPin := b.conn, b.noPin
	b.mu.Unlock()
	if noPin {
		return nil, errNoPin
	}
	if conn != nil {
		return conn, nil
	}
	var node *redis.Client
	switch r := b.rdb.(type) {
	case *redis.Client:
		node = r
	case *redis.ClusterClient:
		n, err := r.MasterForKey(ctx, b.key)
		if err != nil {
			return nil, err
		}
		node = n
	}
	if node == nil {
		b.mu.Lock()
		b.noPin = true
		b.mu.Unlock()
		return nil, errNoPin
	}
	conn = node.Conn()
	id, err := conn.ClientID(ctx).Result()
	if err != nil {
		conn.Close()
		var reply redis.Error
		if errors.As(err, &reply) { // the server has no CLIENT ID
			b.mu.Lock()
			b.noPin = true
			b.mu.Unlock()
			return nil, errNoPin
		}
		return nil, err
	}
	b.mu.Lock()
	b.node, b.conn, b.id = node, conn, id
	b.mu.Unlock()
	return conn, nil
}

// unblockUntil sends CLIENT UNBLOCK to the reading connection until done
// is closed (the reader returned): once is not enough, since the read may
// reach Redis just after the first.
func (b *blockingReader) unblockUntil(done <-chan struct{}) {
	for {
		b.mu.Lock()
		node, id := b.node, b.id
		b.mu.Unlock()
		if node != nil {
			ctx, cancel := context.WithTimeout(context.Background(), time.Second)
			node.ClientUnblock(ctx, id)
			cancel()
		}
		t := time.NewTimer(20 * time.Millisecond)
		select {
		case <-done:
			t.Stop()
			return
		case <-t.C:
		}
	}
}

// close gives the pinned connection back.
func (b *blockingReader) close() {
	b.mu.Lock()
	conn := b.conn
	b.node, b.conn, b.id = nil, nil, 0
	b.mu.Unlock()
	if conn != nil {
		conn.Close()
	}
}
