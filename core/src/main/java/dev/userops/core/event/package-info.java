/**
 * Event records at the API edge: what the host exports from its own store. Hot paths take the
 * same fields as primitive arguments; both paths give identical results.
 */
package dev.userops.core.event;
