/** bedsim core: kernel, random streams, distributions, statistics and models. */
package org.bedsim;
