package config

// People configures the directory of who may use the bot.
type People struct {
	// Contact is whom a user missing from the directory is told to ask for
	// access. If unset, 司法局应诉专班的管理员.
	Contact string `mapstructure:"contact"`
}
