-- Stopping the collector is not an allowed option.
collectgarbage("stop")
