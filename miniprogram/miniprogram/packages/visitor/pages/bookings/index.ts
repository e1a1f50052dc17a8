// Placeholder until the visitor domain ships; it shows no data so nobody mistakes it for a booking list.
Component({});
