/**
 * The annotations users put on their API interfaces. Only the Bulwark processor reads them, so they have CLASS
 * retention: nothing inspects them at run time.
 */
package dev.bulwark.annotations;
