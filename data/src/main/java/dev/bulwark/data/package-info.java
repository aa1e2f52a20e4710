/**
 * What generated {@code @Repository} implementations call: typed binds and column reads ({@link dev.bulwark.data.Binds},
 * {@link dev.bulwark.data.Columns}), one transaction per block ({@link dev.bulwark.data.Transactions}), the
 * {@link dev.bulwark.data.DataAccessException} hierarchy, and column encryption at rest
 * ({@link dev.bulwark.data.ColumnCipher}). No reflection: the processor generates the mapping code.
 */
package dev.bulwark.data;
