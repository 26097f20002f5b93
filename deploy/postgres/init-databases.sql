-- One database per service: no service reads another's tables.
CREATE DATABASE account;
CREATE DATABASE permission;
CREATE DATABASE session;
CREATE DATABASE notification;
