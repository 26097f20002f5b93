-- One database per service, each owned by the service's own role: no service reads another's tables, and none
-- connects as the superuser. Keycloak has its own database and role too. The passwords come from the container's
-- environment (docker-compose.yml, from .env), read by psql's \getenv (PostgreSQL 15 or newer); an unset one leaves
-- the variable unset and the script fails rather than make a role without a password.
\set ON_ERROR_STOP on
\getenv account_password ACCOUNT_SERVICE_DB_PASSWORD
\getenv permission_password PERMISSION_SERVICE_DB_PASSWORD
\getenv session_password SESSION_SERVICE_DB_PASSWORD
\getenv notification_password NOTIFICATION_SERVICE_DB_PASSWORD
\getenv keycloak_password KEYCLOAK_DB_PASSWORD

CREATE ROLE account_service LOGIN PASSWORD :'account_password';
CREATE ROLE permission_service LOGIN PASSWORD :'permission_password';
CREATE ROLE session_service LOGIN PASSWORD :'session_password';
CREATE ROLE notification_service LOGIN PASSWORD :'notification_password';
CREATE ROLE keycloak LOGIN PASSWORD :'keycloak_password';

CREATE DATABASE account OWNER account_service;
CREATE DATABASE permission OWNER permission_service;
CREATE DATABASE session OWNER session_service;
CREATE DATABASE notification OWNER notification_service;
CREATE DATABASE keycloak OWNER keycloak;

-- PostgreSQL 15 and newer let only a database's owner create in its schema public; no one else may even connect
REVOKE CONNECT ON DATABASE account, permission, session, notification, keycloak FROM PUBLIC;
