package store

import (
	"github.com/redis/go-redis/v9"

	"casebot/config"
)

// Dial returns a client for the configured Redis: one address is a single
// server, addrs with master_name a Sentinel group, several addrs without it a
// Cluster. go-redis's UniversalClient makes that choice.
func Dial(cfg config.Redis) redis.UniversalClient {
	return redis.NewUniversalClient(&redis.UniversalOptions{
		Addrs:      cfg.Endpoints(),
		MasterName: cfg.MasterName,
		Password:   cfg.Password,
		DB:         cfg.DB,
	})
}
