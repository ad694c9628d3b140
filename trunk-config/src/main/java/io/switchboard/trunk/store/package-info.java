/**
 * Durable storage of trunks and dispatch rules: {@link io.switchboard.trunk.store.ConfigStore} and its
 * single-node implementation {@link io.switchboard.trunk.store.FileConfigStore}, an fsynced journal
 * that survives kill -9. Jackson is confined to this package.
 */
package io.switchboard.trunk.store;
